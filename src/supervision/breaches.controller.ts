import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Procedure } from '../../workflows/contracts/case-status.js';
import type { PackId } from '../../workflows/contracts/citation.js';
import { packById } from '../../workflows/rules/pack-resolver.js';
import { Allowed, ApiErrors } from '../common/http/api-contract.js';
import { BreachRepository } from './breach.repository.js';
import { BreachDto, BreachQueryDto, DepartmentSummaryDto } from './dto/breach.dto.js';

/** SPEC §6: the supervisor sees every breach by department, procedure and article. */
@ApiTags('supervision')
@ApiBearerAuth()
@Controller('breaches')
export class BreachesController {
  constructor(private readonly breaches: BreachRepository) {}

  @Get('summary')
  @Allowed('supervisor', 'auditor')
  @ApiOperation({
    summary:
      'Per department: steps, decisions, on-time rate, warnings, breaches and average working days taken (the P7 report draws on it)',
  })
  @ApiOkResponse({ type: [DepartmentSummaryDto] })
  @ApiErrors(400)
  summary(@Query() q: BreachQueryDto): Promise<DepartmentSummaryDto[]> {
    return this.breaches.summary(q);
  }

  @Get()
  @Allowed('supervisor', 'auditor')
  @ApiOperation({
    summary:
      'Every recorded breach (超期) and warning (预警), newest first, with its articles; filter by department, procedure, pack, kind, article, month',
  })
  @ApiOkResponse({ type: [BreachDto] })
  @ApiErrors(400)
  async list(@Query() q: BreachQueryDto): Promise<BreachDto[]> {
    const rows = await this.breaches.list(q);
    return rows.map((r) => ({
      id: r.taskId,
      kind: r.kind as BreachDto['kind'],
      caseId: r.caseId,
      procedure: r.procedure as Procedure,
      pack: r.pack as PackId,
      step: r.stepId,
      department: r.department,
      citation: r.citation,
      alsoUnder: r.alsoUnder,
      workingDaysLeft: r.workingDaysLeft ?? null,
      dueAt: r.dueAt.toISOString(),
      recordedAt: r.recordedAt.toISOString(),
      reportTo: r.kind === 'warning' ? null : (packById(r.pack as PackId).breachesGoTo ?? null),
    }));
  }
}
