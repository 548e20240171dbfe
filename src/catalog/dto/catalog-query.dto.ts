import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { JURISDICTIONS } from '../../../workflows/contracts/citation.js';
import { SHARE_TYPES } from '../../../workflows/contracts/catalog-update.js';

const AS_OF = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/;

export class AsOfQueryDto {
  @ApiPropertyOptional({
    description:
      'YYYY-MM-DD (the end of that day, Asia/Shanghai) or an ISO-8601 instant with its offset: the catalog as it stood then',
    example: '2026-01-01',
    pattern: AS_OF.source,
  })
  @IsOptional()
  @Matches(AS_OF)
  asOf?: string;
}

export class CatalogQueryDto extends AsOfQueryDto {
  @ApiPropertyOptional({ enum: JURISDICTIONS, enumName: 'Jurisdiction' })
  @IsOptional()
  @IsIn(JURISDICTIONS)
  jurisdiction?: string;

  @ApiPropertyOptional({ description: 'Providing department id', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  department?: string;

  @ApiPropertyOptional({ enum: SHARE_TYPES, enumName: 'ShareType' })
  @IsOptional()
  @IsIn(SHARE_TYPES)
  shareType?: string;
}

export class DepartmentFilterDto {
  @ApiPropertyOptional({ description: 'Department id', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  department?: string;
}

export class DepartmentsQueryDto {
  @ApiPropertyOptional({ enum: JURISDICTIONS, enumName: 'Jurisdiction' })
  @IsOptional()
  @IsIn(JURISDICTIONS)
  jurisdiction?: string;
}
