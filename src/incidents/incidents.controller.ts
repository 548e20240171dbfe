import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../workflows/contracts/actor.js';
import { CurrentActor } from '../auth/access.decorators.js';
import { CaseAction } from '../cases/case-endpoint.decorators.js';
import { presentCase } from '../cases/case-presenter.js';
import type { CaseStatusDto } from '../cases/dto/case-status.dto.js';
import type { Language } from '../common/errors/localized-text.js';
import { Allowed, ApiErrors } from '../common/http/api-contract.js';
import { RequestLanguage } from '../common/http/language.decorator.js';
import { IncidentDto, IncidentPageDto, IncidentQueryDto } from './dto/incident.dto.js';
import { presentIncident } from './incident-presenter.js';
import { IncidentsService } from './incidents.service.js';

const OVERSIGHT = ['admin', 'supervisor', 'auditor'] as const;

/** Permanent failures of cases (运行异常): listed for operators and overseers, retried by operators. */
@ApiTags('incidents')
@ApiBearerAuth()
@Controller('incidents')
export class IncidentsController {
  constructor(private readonly incidents: IncidentsService) {}

  @Get()
  @Allowed(...OVERSIGHT)
  @ApiOperation({ summary: 'Incidents, newest first; filter by state or case (keyset-paginated)' })
  @ApiOkResponse({ type: IncidentPageDto })
  @ApiErrors(400)
  async list(@Query() query: IncidentQueryDto): Promise<IncidentPageDto> {
    const page = await this.incidents.list(query);
    return { items: page.items.map(presentIncident), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @Allowed(...OVERSIGHT)
  @ApiOperation({ summary: 'One incident' })
  @ApiOkResponse({ type: IncidentDto })
  @ApiErrors(404)
  async get(@Param('id') id: string): Promise<IncidentDto> {
    return presentIncident(await this.incidents.get(id));
  }

  @CaseAction(
    ':id/retry',
    ['admin'],
    'After fixing the cause, try the failed step again; answers with the case once it went through or failed again',
    [404, 409, 503],
  )
  async retry(
    @Param('id') id: string,
    @CurrentActor() actor: Actor,
    @RequestLanguage() language: Language,
  ): Promise<CaseStatusDto> {
    return presentCase(await this.incidents.retry(actor, id), language);
  }
}
