import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { addDays, isPlainDate, shanghaiMidnight } from '../calendar/plain-date.js';
import { invalidRequest } from '../common/http/validation.pipe.js';
import { JURISDICTIONS } from '../../workflows/contracts/citation.js';
import { CatalogService } from './catalog.service.js';

const AS_OF = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/;

class AsOfQueryDto {
  @IsOptional() @Matches(AS_OF, { message: 'asOf must be YYYY-MM-DD (the end of that day, Asia/Shanghai) or an ISO-8601 instant with its offset' })
  asOf?: string;
}

/** A day means its end (24:00 Asia/Shanghai); an instant means itself. */
function asOfInstant(asOf: string): Date {
  if (asOf.length === 10) {
    if (!isPlainDate(asOf)) throw invalidRequest([{ field: 'asOf', message: `${asOf} is not a calendar date` }]);
    return new Date(shanghaiMidnight(addDays(asOf, 1)).getTime() - 1);
  }
  const at = new Date(asOf);
  if (Number.isNaN(at.getTime())) throw invalidRequest([{ field: 'asOf', message: `${asOf} is not an instant` }]);
  return at;
}

class CatalogQueryDto extends AsOfQueryDto {
  @IsOptional() @IsIn(JURISDICTIONS)
  jurisdiction?: string;

  @IsOptional() @IsString() @MaxLength(100)
  department?: string;

  @IsOptional() @IsIn(['unconditional', 'conditional', 'none'])
  shareType?: string;
}

class DepartmentFilterDto {
  @IsOptional() @IsString() @MaxLength(100)
  department?: string;
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
  @ApiQuery({ name: 'asOf', required: false, description: 'YYYY-MM-DD or an ISO instant: the catalog as it stood then' })
  async entries(@Query() query: CatalogQueryDto) {
    if (query.asOf) return this.catalog.entriesAsOf(query, asOfInstant(query.asOf));
    return (await this.catalog.entries(query)).map(presentEntry);
  }

  @Get('catalog/responsibility-list')
  @ApiOperation({ summary: 'Chongqing responsibility list (责任清单, Art. 13), updated with each catalog update' })
  @ApiQuery({ name: 'department', required: false })
  async responsibilityList(@Query() query: DepartmentFilterDto) {
    return this.catalog.responsibilityList(query.department);
  }

  @Get('catalog/:id')
  @ApiQuery({ name: 'asOf', required: false })
  async entry(@Param('id') id: string, @Query() query: AsOfQueryDto) {
    if (query.asOf) return this.catalog.entryAsOf(id, asOfInstant(query.asOf));
    return presentEntry(await this.catalog.entry(id));
  }

  @Get('catalog/:id/versions')
  @ApiOperation({ summary: "An entry's versions: diff, who, when and the P3 case that made each" })
  async versions(@Param('id') id: string) {
    return this.catalog.versions(id);
  }

  @Get('departments')
  @ApiQuery({ name: 'jurisdiction', required: false, enum: JURISDICTIONS })
  async departments(@Query() query: DepartmentsQueryDto) {
    return (await this.catalog.departments(query.jurisdiction)).map(({ id, name, jurisdiction, kind }) => ({ id, name, jurisdiction, kind }));
  }
}
