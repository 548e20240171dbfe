import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { Counter, Gauge } from 'prom-client';
import { ArchiveStatus } from '../audit/archive/archive-status.service.js';
import { MetricsRegistry } from './metrics-registry.js';

/**
 * What the cases are doing: starts counted by this instance; cases, open tasks, breaches, warnings, open incidents
 * and the archive lag read from PostgreSQL at each scrape, so that every instance reports the same totals.
 */
@Injectable()
export class CaseMetrics {
  private readonly started: Counter<'procedure' | 'pack' | 'status'>;

  constructor(
    metrics: MetricsRegistry,
    @Inject(MikroORM) private readonly orm: MikroORM,
    private readonly archive: ArchiveStatus,
  ) {
    const registers = [metrics.registry];
    this.started = new Counter({
      name: 'approvals_cases_started_total',
      help: 'Cases started through this API instance, by procedure, pack and HTTP status (201 waited, 202 async)',
      labelNames: ['procedure', 'pack', 'status'],
      registers,
    });
    const rows = <T>(sql: string) => this.orm.em.getConnection().execute<T[]>(sql);
    new Gauge({
      name: 'approvals_cases',
      help: 'Cases by procedure, pack and whether they are closed',
      labelNames: ['procedure', 'pack', 'closed'],
      registers,
      async collect() {
        this.reset();
        const found = await rows<{ procedure: string; pack: string; closed: boolean; n: number }>(
          `select procedure, pack, coalesce(status->>'closed', 'false') = 'true' as closed, count(*)::int as n
             from case_record group by 1, 2, 3`,
        );
        for (const r of found) this.set({ procedure: r.procedure, pack: r.pack, closed: String(r.closed) }, r.n);
      },
    });
    new Gauge({
      name: 'approvals_open_tasks',
      help: 'Open inbox tasks by department, procedure and kind; overdue ones are also counted apart',
      labelNames: ['department', 'procedure', 'kind', 'overdue'],
      registers,
      async collect() {
        this.reset();
        const found = await rows<{ department: string; procedure: string; kind: string; overdue: boolean; n: number }>(
          `select department, procedure, kind, overdue, count(*)::int as n
             from inbox_task where status = 'open' group by 1, 2, 3, 4`,
        );
        for (const r of found) {
          this.set({ department: r.department, procedure: r.procedure, kind: r.kind, overdue: String(r.overdue) }, r.n);
        }
      },
    });
    new Gauge({
      name: 'approvals_breaches',
      help: 'Recorded breaches (超期) and warnings (预警) by kind, procedure and pack',
      labelNames: ['kind', 'procedure', 'pack'],
      registers,
      async collect() {
        this.reset();
        const found = await rows<{ kind: string; procedure: string; pack: string; n: number }>(
          'select kind, procedure, pack, count(*)::int as n from breach group by 1, 2, 3',
        );
        for (const r of found) this.set({ kind: r.kind, procedure: r.procedure, pack: r.pack }, r.n);
      },
    });
    new Gauge({
      name: 'approvals_open_incidents',
      help: 'Incidents waiting for an operator or being retried',
      registers,
      async collect() {
        const [found] = await rows<{ n: number }>(
          "select count(*)::int as n from incident where state in ('open', 'retrying')",
        );
        this.set(found?.n ?? 0);
      },
    });
    const archiveStatus = this.archive;
    new Gauge({
      name: 'approvals_archive_lag_seconds',
      help: 'How long the oldest closed case not yet in the audit archive has waited',
      registers,
      async collect() {
        this.set((await archiveStatus.read()).lagSeconds);
      },
    });
  }

  caseStarted(procedure: string, pack: string, status: number): void {
    this.started.inc({ procedure, pack, status: String(status) });
  }
}
