import { IdField, IdListField, TextField } from '../../common/http/dto/fields.js';

/** POST /cases/corrections: data found doubtful or wrong (SPEC §5 P2). */
export class CreateCorrectionDto {
  @IdField({ max: 100, example: 'cq-psb-household', description: 'Catalog entry id' })
  resourceId!: string;

  @IdListField({ maxItems: 200, example: ['moved-to'], description: 'The data items concerned' })
  items!: string[];

  @TextField({
    min: 2,
    max: 500,
    example: '迁入地登记为渝中区，实际为江北区',
    description: 'A concise description of the problem (问题描述应简洁、准确)',
  })
  description!: string;
}
