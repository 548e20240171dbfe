import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Jurisdiction } from '../../workflows/contracts/citation.js';
import { addDays, isPlainDate, shanghaiMidnight } from '../calendar/plain-date.js';
import { fieldError } from '../common/errors/domain-error.js';
import { ApiErrors } from '../common/http/api-contract.js';
import { isInstantInRange } from '../common/http/dto/fields.js';
import { invalidRequest } from '../common/http/validation.pipe.js';
import { CatalogService, type EntryVersion } from './catalog.service.js';
import type { CatalogEntry } from './catalog-entry.entity.js';
import { fieldsOfEntry } from './catalog-fields.js';
import {
  CatalogEntryDto,
  CatalogVersionDto,
  DepartmentDto,
  ResponsibilityItemDto,
} from './dto/catalog-response.dto.js';
import { AsOfQueryDto, CatalogQueryDto, DepartmentFilterDto, DepartmentsQueryDto } from './dto/catalog-query.dto.js';

/** A day means its end (24:00 Asia/Shanghai); an instant means itself; both within 1949–2200. */
function asOfInstant(asOf: string): Date {
  const year = Number(asOf.slice(0, 4));
  const inRange = year >= 1949 && year < 2200;
  const at =
    inRange && asOf.length === 10 && isPlainDate(asOf)
      ? new Date(shanghaiMidnight(addDays(asOf, 1)).getTime() - 1)
      : new Date(asOf);
  if (!inRange || !isInstantInRange(at.getTime())) {
    throw invalidRequest([
      fieldError(
        'asOf',
        'isDateInRange',
        `asOf 须为1949-10-01至2199-12-31之间的日期或时间：${asOf}`,
        `${asOf} is not a date between 1949-10-01 and 2199-12-31`,
      ),
    ]);
  }
  return at;
}

const presentEntry = (e: CatalogEntry | EntryVersion): CatalogEntryDto => ({
  id: e.id,
  jurisdiction: e.jurisdiction as Jurisdiction,
  ...fieldsOfEntry(e),
  version: e.version,
  ...('effectiveAt' in e ? { effectiveAt: e.effectiveAt } : {}),
});

@ApiTags('catalog')
@ApiBearerAuth()
@Controller()
export class CatalogController {
  constructor(private readonly catalog: CatalogService) {}

  @Get('catalog')
  @ApiOperation({ summary: 'Catalog entries (政务数据资源目录), filtered; with asOf, as they stood then' })
  @ApiOkResponse({ type: [CatalogEntryDto] })
  @ApiErrors(400)
  async entries(@Query() query: CatalogQueryDto): Promise<CatalogEntryDto[]> {
    const entries = query.asOf
      ? await this.catalog.entriesAsOf(query, asOfInstant(query.asOf))
      : await this.catalog.entries(query);
    return entries.map(presentEntry);
  }

  @Get('catalog/responsibility-list')
  @ApiOperation({ summary: 'Chongqing responsibility list (责任清单, Art. 13), updated with each catalog update' })
  @ApiOkResponse({ type: [ResponsibilityItemDto] })
  @ApiErrors(400)
  responsibilityList(@Query() query: DepartmentFilterDto): Promise<ResponsibilityItemDto[]> {
    return this.catalog.responsibilityList(query.department);
  }

  @Get('catalog/:id')
  @ApiOperation({ summary: 'One catalog entry; with asOf, the version in force then' })
  @ApiOkResponse({ type: CatalogEntryDto })
  @ApiErrors(400, 404)
  async entry(@Param('id') id: string, @Query() query: AsOfQueryDto): Promise<CatalogEntryDto> {
    return presentEntry(
      query.asOf ? await this.catalog.entryAsOf(id, asOfInstant(query.asOf)) : await this.catalog.entry(id),
    );
  }

  @Get('catalog/:id/versions')
  @ApiOperation({ summary: "An entry's versions: diff, who, when and the P3 case that made each" })
  @ApiOkResponse({ type: [CatalogVersionDto] })
  @ApiErrors(404)
  versions(@Param('id') id: string): Promise<CatalogVersionDto[]> {
    return this.catalog.versions(id);
  }

  @Get('departments')
  @ApiOperation({ summary: 'Registered departments (and the public), by jurisdiction' })
  @ApiOkResponse({ type: [DepartmentDto] })
  @ApiErrors(400)
  async departments(@Query() query: DepartmentsQueryDto): Promise<DepartmentDto[]> {
    const departments = await this.catalog.departments(query.jurisdiction);
    return departments.map(({ id, name, jurisdiction, kind }) => ({
      id,
      name,
      jurisdiction: jurisdiction as Jurisdiction,
      kind: kind as DepartmentDto['kind'],
    }));
  }
}
