import { Controller, Get, Inject, Query } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Procedure } from '../../workflows/contracts/case-status.js';
import type { Citation, PackId } from '../../workflows/contracts/citation.js';
import { Allowed, ApiErrors } from '../common/http/api-contract.js';
import { BreachDto, BreachQueryDto } from './dto/breach.dto.js';

interface BreachRow {
  task_id: string;
  kind: BreachDto['kind'];
  case_id: string;
  procedure: Procedure;
  pack: PackId;
  step_id: string;
  department: string;
  citation: Citation;
  due_at: string | Date;
  recorded_at: string | Date;
}

/** SPEC §6: the supervisor sees every breach by department, procedure and article. */
@ApiTags('supervision')
@ApiBearerAuth()
@Controller('breaches')
export class BreachesController {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  @Get()
  @Allowed('supervisor', 'auditor')
  @ApiOperation({ summary: 'Every recorded breach (超期), newest first, with its article; filter by department, procedure, pack, kind' })
  @ApiOkResponse({ type: [BreachDto] })
  @ApiErrors(400)
  async list(@Query() q: BreachQueryDto): Promise<BreachDto[]> {
    const filter = (value: string | undefined) => [value ?? null, value ?? null];
    const rows = await this.orm.em.fork().getConnection().execute<BreachRow[]>(
      `select * from breach
       where (?::text is null or department = ?) and (?::text is null or procedure = ?) and (?::text is null or pack = ?) and (?::text is null or kind = ?)
       order by recorded_at desc, task_id limit 500`,
      [...filter(q.department), ...filter(q.procedure), ...filter(q.pack), ...filter(q.kind)],
    );
    return rows.map((r) => ({
      id: r.task_id,
      kind: r.kind,
      caseId: r.case_id,
      procedure: r.procedure,
      pack: r.pack,
      step: r.step_id,
      department: r.department,
      citation: r.citation,
      dueAt: new Date(r.due_at).toISOString(),
      recordedAt: new Date(r.recorded_at).toISOString(),
    }));
  }
}
