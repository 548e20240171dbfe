import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  ValidateNested,
} from 'class-validator';
import { OPEN_TYPES, SHARE_TYPES } from '../../../workflows/contracts/catalog-update.js';
import { EnumField, IdField, TextField } from '../../common/http/dto/fields.js';

export class DataItemInputDto {
  @ApiProperty({ example: 'uscc' })
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9-]{0,62}$/, { message: 'key must be lower-case letters, digits and dashes' })
  key!: string;

  @TextField({ max: 100, example: '统一社会信用代码' })
  name!: string;
}

/** The fields to change; those left out stay as they are. `null` clears conditions or basis. */
export class CatalogChangeInputDto {
  @TextField({ optional: true, min: 2, max: 200 })
  title?: string;

  @IdField({ optional: true, max: 100, description: 'A change of functions moving the resource to another department' })
  providerDepartmentId?: string;

  @ApiPropertyOptional({ type: [DataItemInputDto], minItems: 1, maxItems: 200 })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => DataItemInputDto)
  dataItems?: DataItemInputDto[];

  @EnumField(SHARE_TYPES, { optional: true, enumName: 'ShareType' })
  shareType?: (typeof SHARE_TYPES)[number];

  @TextField({ optional: true, max: 2000, description: 'null clears the conditions' })
  @ApiPropertyOptional({ type: 'string', nullable: true, maxLength: 2000, description: 'null clears the conditions' })
  shareConditions?: string | null;

  @TextField({ optional: true, max: 2000, description: 'null clears the basis' })
  @ApiPropertyOptional({ type: 'string', nullable: true, maxLength: 2000, description: 'null clears the basis' })
  legalBasis?: string | null;

  @EnumField(OPEN_TYPES, { optional: true, enumName: 'OpenType' })
  openType?: (typeof OPEN_TYPES)[number];

  @TextField({
    optional: true,
    max: 2000,
    description: 'Chongqing Art. 31 ¶1: basis of a conditional or closed open type',
  })
  @ApiPropertyOptional({ type: 'string', nullable: true, maxLength: 2000, description: 'null clears the basis' })
  openBasis?: string | null;

  @TextField({ optional: true, max: 50, example: '每日' })
  updateFrequency?: string;
}

export class EntryChangeInputDto {
  @IdField({ max: 100, example: 'cq-psb-migration-stats' })
  entryId!: string;

  @ApiProperty({ type: CatalogChangeInputDto })
  @IsObject()
  @ValidateNested()
  @Type(() => CatalogChangeInputDto)
  change!: CatalogChangeInputDto;
}

export class CatalogTriggerInputDto {
  @EnumField(['law-revision', 'function-change'], { description: '法律法规修改 / 行政管理职能变更' })
  kind!: 'law-revision' | 'function-change';

  @ApiProperty({
    example: '2026-11-02',
    pattern: '^\\d{4}-\\d{2}-\\d{2}$',
    description: 'The day of the revision or change (Asia/Shanghai)',
  })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be YYYY-MM-DD' })
  date!: string;

  @TextField({ min: 2, max: 2000, example: '《重庆市户籍管理条例》修订，迁移统计口径调整' })
  description!: string;
}

/** POST /cases/catalog-updates (P3 目录更新). */
export class CreateCatalogUpdateDto {
  @ApiProperty({ type: CatalogTriggerInputDto })
  @IsObject()
  @ValidateNested()
  @Type(() => CatalogTriggerInputDto)
  trigger!: CatalogTriggerInputDto;

  @ApiProperty({ type: [EntryChangeInputDto], minItems: 1, maxItems: 50 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => EntryChangeInputDto)
  changes!: EntryChangeInputDto[];
}
