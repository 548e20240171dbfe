import { Controller, Get, Inject, Query } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PROCEDURES } from '../../workflows/contracts/case-status.js';
import { PACK_IDS } from '../../workflows/contracts/citation.js';
import { Roles } from '../auth/access.decorators.js';

class BreachQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100)
  department?: string;

  @ApiPropertyOptional({ enum: PROCEDURES }) @IsOptional() @IsIn(PROCEDURES)
  procedure?: string;

  @ApiPropertyOptional({ enum: PACK_IDS }) @IsOptional() @IsIn(PACK_IDS)
  pack?: string;

  @ApiPropertyOptional({ enum: ['step-overdue', 'late-application'] }) @IsOptional() @IsIn(['step-overdue', 'late-application'])
  kind?: string;
}

type Row = Record<string, unknown>;

/** SPEC §6: the supervisor sees every breach by department, procedure and article. */
@ApiTags('supervision')
@ApiBearerAuth()
@Controller('breaches')
export class BreachesController {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  @Get()
  @Roles('supervisor', 'auditor')
  @ApiOperation({ summary: 'Every recorded breach (超期), newest first, with its article; filter by department, procedure, pack, kind' })
  async list(@Query() q: BreachQueryDto) {
    const rows = await this.orm.em.fork().getConnection().execute<Row[]>(
      `select * from breach
       where (?::text is null or department = ?) and (?::text is null or procedure = ?) and (?::text is null or pack = ?) and (?::text is null or kind = ?)
       order by recorded_at desc, task_id limit 500`,
      [q.department ?? null, q.department ?? null, q.procedure ?? null, q.procedure ?? null, q.pack ?? null, q.pack ?? null, q.kind ?? null, q.kind ?? null],
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
      dueAt: new Date(r.due_at as string).toISOString(),
      recordedAt: new Date(r.recorded_at as string).toISOString(),
    }));
  }
}
