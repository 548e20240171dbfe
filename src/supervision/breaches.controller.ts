import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Procedure } from '../../workflows/contracts/case-status.js';
import type { PackId } from '../../workflows/contracts/citation.js';
import { Allowed, ApiErrors } from '../common/http/api-contract.js';
import { BreachRepository } from './breach.repository.js';
import { BreachDto, BreachQueryDto } from './dto/breach.dto.js';

/** SPEC §6: the supervisor sees every breach by department, procedure and article. */
@ApiTags('supervision')
@ApiBearerAuth()
@Controller('breaches')
export class BreachesController {
  constructor(private readonly breaches: BreachRepository) {}

  @Get()
  @Allowed('supervisor', 'auditor')
  @ApiOperation({
    summary:
      'Every recorded breach (超期), newest first, with its article; filter by department, procedure, pack, kind',
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
      dueAt: r.dueAt.toISOString(),
      recordedAt: r.recordedAt.toISOString(),
    }));
  }
}
