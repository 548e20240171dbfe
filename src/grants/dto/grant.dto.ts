import { ApiProperty } from '@nestjs/swagger';
import { IdField, TextField } from '../../common/http/dto/fields.js';
import { PACK_IDS, type PackId } from '../../../workflows/contracts/citation.js';
import { ChangedByDto } from '../../catalog/dto/catalog-response.dto.js';
import { CitationDto } from '../../common/http/dto/shared-response.dto.js';

export const GRANT_ACTIONS = ['suspend', 'revoke', 'reinstate'] as const;
export const GRANT_STATUSES = ['active', 'suspended', 'revoked'] as const;

export class GrantReasonDto {
  @TextField({ min: 2, max: 2000, example: '发现超范围使用共享数据' })
  reason!: string;
}

export class GrantsQueryDto {
  @IdField({ optional: true, description: 'Only the grant of this case' })
  caseId?: string;
}

/** A share grant: who may use which items of which resource, how, and on whose approval. */
export class GrantDto {
  @ApiProperty() id!: string;
  @ApiProperty() caseId!: string;
  @ApiProperty() resourceId!: string;
  @ApiProperty({ type: [String] }) items!: string[];
  @ApiProperty() purpose!: string;
  @ApiProperty() scenario!: string;
  @ApiProperty({ example: 'interface' }) manner!: string;
  @ApiProperty() granteeDepartment!: string;
  @ApiProperty({ type: ChangedByDto }) approver!: ChangedByDto;
  @ApiProperty({ enum: PACK_IDS, enumName: 'PackId' }) pack!: PackId;
  @ApiProperty({ type: CitationDto }) citation!: CitationDto;
  @ApiProperty({ format: 'date-time' }) grantedAt!: string;
  @ApiProperty({ enum: GRANT_STATUSES }) status!: (typeof GRANT_STATUSES)[number];
}
