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
    /** A gauge per group of a count query whose columns are named as the labels (and `n`). */
    const groupCounts = <L extends string>(name: string, help: string, labelNames: L[], sql: string) =>
      new Gauge({
        name,
        help,
        labelNames,
        registers,
        async collect() {
          this.reset();
          for (const row of await rows<Record<L | 'n', unknown>>(sql)) {
            const labels = Object.fromEntries(labelNames.map((l) => [l, String(row[l])])) as Record<L, string>;
            this.set(labels, Number(row.n));
          }
        },
      });
    groupCounts(
      'approvals_cases',
      'Cases by procedure, pack and whether they are closed',
      ['procedure', 'pack', 'closed'],
      `select procedure, pack, coalesce(status->>'closed', 'false') = 'true' as closed, count(*)::int as n
         from case_record group by 1, 2, 3`,
    );
    groupCounts(
      'approvals_open_tasks',
      'Open inbox tasks by department, procedure and kind; overdue ones are also counted apart',
      ['department', 'procedure', 'kind', 'overdue'],
      `select department, procedure, kind, overdue, count(*)::int as n
         from inbox_task where status = 'open' group by 1, 2, 3, 4`,
    );
    groupCounts(
      'approvals_breaches',
      'Recorded breaches (超期) and warnings (预警) by kind, procedure and pack',
      ['kind', 'procedure', 'pack'],
      'select kind, procedure, pack, count(*)::int as n from breach group by 1, 2, 3',
    );
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
