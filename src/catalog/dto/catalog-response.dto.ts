import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { JURISDICTIONS, type Jurisdiction } from '../../../workflows/contracts/citation.js';
import {
  OPEN_TYPES,
  SHARE_TYPES,
  type CatalogFieldName,
  type CatalogFields,
} from '../../../workflows/contracts/catalog-update.js';
import { DataItemDto } from '../../cases/dto/case-status.dto.js';
import { CATALOG_FIELD_NAMES } from '../catalog-fields.js';

export const DEPARTMENT_KINDS = [
  'government',
  'district-government',
  'authority',
  'city-authority',
  'service-unit',
  'public',
  'oversight',
] as const;

/** The fields of a catalog entry (政务数据资源目录). */
export class CatalogFieldsDto implements CatalogFields {
  @ApiProperty({ example: '企业登记信息' }) title!: string;
  @ApiProperty() providerDepartmentId!: string;
  @ApiProperty({ type: [DataItemDto] }) dataItems!: DataItemDto[];
  @ApiProperty({ enum: SHARE_TYPES, enumName: 'ShareType' }) shareType!: (typeof SHARE_TYPES)[number];
  @ApiProperty({ type: 'string', nullable: true }) shareConditions!: string | null;
  @ApiProperty({ type: 'string', nullable: true }) legalBasis!: string | null;
  @ApiProperty({ enum: OPEN_TYPES, enumName: 'OpenType' }) openType!: (typeof OPEN_TYPES)[number];
  @ApiProperty({
    type: 'string',
    nullable: true,
    description: 'Chongqing Art. 31 ¶1: the basis of a conditional or closed open type',
  })
  openBasis!: string | null;
  @ApiProperty({ example: '实时' }) updateFrequency!: string;
}

export class CatalogEntryDto extends CatalogFieldsDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: JURISDICTIONS, enumName: 'Jurisdiction' }) jurisdiction!: Jurisdiction;
  @ApiProperty({ type: 'integer', minimum: 1 }) version!: number;
  @ApiPropertyOptional({ format: 'date-time', description: 'With asOf: when this version came into force' })
  effectiveAt?: string;
}

/** One field as a catalog version changed it. */
export class FieldDiffDto {
  @ApiProperty({ enum: CATALOG_FIELD_NAMES }) field!: CatalogFieldName;
  @ApiProperty({
    nullable: true,
    oneOf: [{ type: 'string' }, { type: 'array', items: { $ref: '#/components/schemas/DataItemDto' } }],
  })
  before!: string | DataItemDto[] | null;
  @ApiProperty({
    nullable: true,
    oneOf: [{ type: 'string' }, { type: 'array', items: { $ref: '#/components/schemas/DataItemDto' } }],
  })
  after!: string | DataItemDto[] | null;
}

export class ChangedByDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
}

export class CatalogVersionDto {
  @ApiProperty({ type: 'integer', minimum: 1 }) version!: number;
  @ApiProperty({ format: 'date-time' }) effectiveAt!: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
  @ApiProperty({ type: ChangedByDto }) changedBy!: ChangedByDto;
  @ApiProperty({ type: 'string', nullable: true, description: 'The P3 case that made the version' }) caseId!:
    string | null;
  @ApiProperty({ type: [FieldDiffDto] }) diff!: FieldDiffDto[];
  @ApiProperty({ type: CatalogFieldsDto }) snapshot!: CatalogFieldsDto;
}

export class ResponsibilityItemDto {
  @ApiProperty() entryId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() departmentId!: string;
  @ApiProperty({ type: [DataItemDto] }) dataItems!: DataItemDto[];
  @ApiProperty() updateFrequency!: string;
  @ApiProperty({ type: 'integer' }) catalogVersion!: number;
  @ApiProperty({ type: 'string', nullable: true }) caseId!: string | null;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class DepartmentDto {
  @ApiProperty({ example: 'hr-land' }) id!: string;
  @ApiProperty({ example: '华容县自然资源局' }) name!: string;
  @ApiProperty({ enum: JURISDICTIONS, enumName: 'Jurisdiction' }) jurisdiction!: Jurisdiction;
  @ApiProperty({ enum: DEPARTMENT_KINDS, enumName: 'DepartmentKind' }) kind!: (typeof DEPARTMENT_KINDS)[number];
}
