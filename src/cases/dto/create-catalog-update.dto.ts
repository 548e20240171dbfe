import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { OPEN_TYPES, SHARE_TYPES } from '../../../workflows/contracts/catalog-update.js';

export class DataItemDto {
  @ApiProperty({ example: 'uscc' })
  @IsString() @Matches(/^[a-z0-9][a-z0-9-]{0,62}$/, { message: 'key must be lower-case letters, digits and dashes' })
  key!: string;

  @ApiProperty({ example: '统一社会信用代码' })
  @IsString() @MinLength(1) @MaxLength(100)
  name!: string;
}

/** The fields to change; those left out stay as they are. `null` clears conditions or basis. */
export class CatalogFieldsChangeDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(2) @MaxLength(200)
  title?: string;

  @ApiPropertyOptional({ description: 'A change of functions moving the resource to another department' })
  @IsOptional() @IsString() @MinLength(1) @MaxLength(100)
  providerDepartmentId?: string;

  @ApiPropertyOptional({ type: [DataItemDto] })
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => DataItemDto)
  dataItems?: DataItemDto[];

  @ApiPropertyOptional({ enum: SHARE_TYPES }) @IsOptional() @IsIn(SHARE_TYPES)
  shareType?: (typeof SHARE_TYPES)[number];

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000)
  shareConditions?: string | null;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000)
  legalBasis?: string | null;

  @ApiPropertyOptional({ enum: OPEN_TYPES }) @IsOptional() @IsIn(OPEN_TYPES)
  openType?: (typeof OPEN_TYPES)[number];

  @ApiPropertyOptional({ example: '每日' }) @IsOptional() @IsString() @MinLength(1) @MaxLength(50)
  updateFrequency?: string;
}

export class EntryChangeDto {
  @ApiProperty({ example: 'cq-psb-migration-stats' })
  @IsString() @MinLength(1) @MaxLength(100)
  entryId!: string;

  @ApiProperty({ type: CatalogFieldsChangeDto })
  @IsObject() @ValidateNested() @Type(() => CatalogFieldsChangeDto)
  change!: CatalogFieldsChangeDto;
}

export class CatalogTriggerDto {
  @ApiProperty({ enum: ['law-revision', 'function-change'], description: '法律法规修改 / 行政管理职能变更' })
  @IsIn(['law-revision', 'function-change'])
  kind!: 'law-revision' | 'function-change';

  @ApiProperty({ example: '2026-11-02', description: 'The day of the revision or change (Asia/Shanghai)' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be YYYY-MM-DD' })
  date!: string;

  @ApiProperty({ example: '《重庆市户籍管理条例》修订，迁移统计口径调整' })
  @IsString() @MinLength(2) @MaxLength(2000)
  description!: string;
}

/** POST /cases/catalog-updates (P3 目录更新). */
export class CreateCatalogUpdateDto {
  @ApiProperty({ type: CatalogTriggerDto })
  @IsObject() @ValidateNested() @Type(() => CatalogTriggerDto)
  trigger!: CatalogTriggerDto;

  @ApiProperty({ type: [EntryChangeDto] })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => EntryChangeDto)
  changes!: EntryChangeDto[];
}
