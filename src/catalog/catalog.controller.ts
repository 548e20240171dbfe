import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { JURISDICTIONS } from '../../workflows/contracts/citation.js';
import { CatalogService } from './catalog.service.js';

class CatalogQueryDto {
  @IsOptional() @IsIn(JURISDICTIONS)
  jurisdiction?: string;

  @IsOptional() @IsString() @MaxLength(100)
  department?: string;

  @IsOptional() @IsIn(['unconditional', 'conditional', 'none'])
  shareType?: string;
}

class DepartmentsQueryDto {
  @IsOptional() @IsIn(JURISDICTIONS)
  jurisdiction?: string;
}

const presentEntry = (e: Awaited<ReturnType<CatalogService['entry']>>) => ({
  id: e.id,
  title: e.title,
  providerDepartmentId: e.providerDepartmentId,
  jurisdiction: e.jurisdiction,
  dataItems: e.dataItems,
  shareType: e.shareType,
  shareConditions: e.shareConditions,
  legalBasis: e.legalBasis,
  openType: e.openType,
  updateFrequency: e.updateFrequency,
  version: e.version,
});

@ApiTags('catalog')
@ApiBearerAuth()
@Controller()
export class CatalogController {
  constructor(private readonly catalog: CatalogService) {}

  @Get('catalog')
  @ApiOperation({ summary: 'Catalog entries (政务数据资源目录), filtered' })
  @ApiQuery({ name: 'jurisdiction', required: false, enum: JURISDICTIONS })
  @ApiQuery({ name: 'shareType', required: false, enum: ['unconditional', 'conditional', 'none'] })
  @ApiQuery({ name: 'department', required: false })
  async entries(@Query() query: CatalogQueryDto) {
    return (await this.catalog.entries(query)).map(presentEntry);
  }

  @Get('catalog/:id')
  async entry(@Param('id') id: string) {
    return presentEntry(await this.catalog.entry(id));
  }

  @Get('departments')
  @ApiQuery({ name: 'jurisdiction', required: false, enum: JURISDICTIONS })
  async departments(@Query() query: DepartmentsQueryDto) {
    return (await this.catalog.departments(query.jurisdiction)).map(({ id, name, jurisdiction, kind }) => ({ id, name, jurisdiction, kind }));
  }
}
