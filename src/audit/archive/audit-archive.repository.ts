import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { inTransaction, query } from '../../database/unit-of-work.js';
import {
  chainHash,
  CHAIN_GENESIS,
  contentHash,
  problemOf,
  type ChainProblem,
  type StoredRow,
} from './archive-chain.js';

/** One closed workflow's history, as the engine returned it. */
export interface ArchiveEntry {
  workflowId: string;
  runId: string;
  workflowType: string;
  closedAt: Date;
  history: string;
}

export interface ArchivedHistory extends StoredRow {
  workflowType: string;
  archivedAt: Date;
  /** Whether the row and its link to the row before still match their hashes. */
  intact: boolean;
}

export interface ArchiverState {
  watermark: Date;
  lastRunAt: Date | null;
  lastError: string | null;
}

export interface ChainVerification {
  rows: number;
  firstBroken?: { seq: number; workflowId: string; runId: string; problem: ChainProblem };
}

/** Appends are serialized by this lock: each row links to the one before it. */
const APPEND_LOCK = 0x617564_6974; // "audit"
const VERIFY_BATCH = 200;

/** One run of one workflow, as a key. */
export const runKey = (run: { workflowId: string; runId: string }): string => `${run.workflowId}/${run.runId}`;

type ArchiveRow = {
  seq: string;
  workflow_id: string;
  run_id: string;
  workflow_type: string;
  closed_at: string | Date;
  history: string;
  content_sha256: string;
  previous_sha256: string;
  chain_sha256: string;
  archived_at: string | Date;
};

const stored = (r: ArchiveRow): StoredRow & { workflowType: string; archivedAt: Date } => ({
  seq: Number(r.seq),
  workflowId: r.workflow_id,
  runId: r.run_id,
  workflowType: r.workflow_type,
  closedAt: new Date(r.closed_at).toISOString(),
  history: r.history,
  contentSha256: r.content_sha256,
  previousSha256: r.previous_sha256,
  chainSha256: r.chain_sha256,
  archivedAt: new Date(r.archived_at),
});

/** The audit archive (audit_archive, append-only) and the archiver's watermark (audit_archiver_state). */
@Injectable()
export class AuditArchiveRepository {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  /** Which of these runs the archive holds already (as `workflowId/runId`), in one query whatever their number. */
  async archivedAmong(runs: ReadonlyArray<{ workflowId: string; runId: string }>): Promise<Set<string>> {
    if (runs.length === 0) return new Set();
    const rows = await query<{ workflow_id: string; run_id: string }>(
      this.orm.em.fork(),
      `select a.workflow_id, a.run_id from audit_archive a
         join jsonb_to_recordset(?::jsonb) as r(workflow_id text, run_id text)
           on a.workflow_id = r.workflow_id and a.run_id = r.run_id`,
      [JSON.stringify(runs.map(({ workflowId, runId }) => ({ workflow_id: workflowId, run_id: runId })))],
    );
    return new Set(rows.map((row) => runKey({ workflowId: row.workflow_id, runId: row.run_id })));
  }

  /** Appends one history at the end of the chain; false when that run is archived already. */
  append(entry: ArchiveEntry): Promise<boolean> {
    return inTransaction(this.orm, async (em) => {
      await query(em, 'select pg_advisory_xact_lock(?)', [APPEND_LOCK]);
      const existing = await query(em, 'select 1 from audit_archive where workflow_id = ? and run_id = ?', [
        entry.workflowId,
        entry.runId,
      ]);
      if (existing.length) return false;
      const [last] = await query<{ seq: string; chain_sha256: string }>(
        em,
        'select seq, chain_sha256 from audit_archive order by seq desc limit 1',
      );
      const seq = last ? Number(last.seq) + 1 : 1;
      const previous = last?.chain_sha256 ?? CHAIN_GENESIS;
      const row = {
        seq,
        workflowId: entry.workflowId,
        runId: entry.runId,
        closedAt: entry.closedAt.toISOString(),
        contentSha256: contentHash(entry.history),
      };
      await query(
        em,
        `insert into audit_archive (seq, workflow_id, run_id, workflow_type, closed_at, history, content_sha256, previous_sha256, chain_sha256)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          seq,
          row.workflowId,
          row.runId,
          entry.workflowType,
          row.closedAt,
          entry.history,
          row.contentSha256,
          previous,
          chainHash(previous, row),
        ],
      );
      return true;
    });
  }

  /** The newest archived run of a workflow (a case), checked against its hashes and the row before. */
  async latest(workflowId: string): Promise<ArchivedHistory | undefined> {
    const em = this.orm.em.fork();
    const [row] = await query<ArchiveRow>(
      em,
      'select * from audit_archive where workflow_id = ? order by seq desc limit 1',
      [workflowId],
    );
    if (!row) return undefined;
    const entry = stored(row);
    const [before] = await query<{ seq: string; chain_sha256: string }>(
      em,
      'select seq, chain_sha256 from audit_archive where seq < ? order by seq desc limit 1',
      [entry.seq],
    );
    const intact = !problemOf(entry, before && { seq: Number(before.seq), chainSha256: before.chain_sha256 });
    return { ...entry, intact };
  }

  /** Recomputes the whole chain in order; names the first row that does not match. */
  async verify(): Promise<ChainVerification> {
    const em = this.orm.em.fork();
    let before: { seq: number; chainSha256: string } | undefined;
    let rows = 0;
    for (;;) {
      const batch = await query<ArchiveRow>(em, 'select * from audit_archive where seq > ? order by seq limit ?', [
        before?.seq ?? 0,
        VERIFY_BATCH,
      ]);
      for (const raw of batch) {
        const row = stored(raw);
        rows += 1;
        const problem = problemOf(row, before);
        if (problem)
          return { rows, firstBroken: { seq: row.seq, workflowId: row.workflowId, runId: row.runId, problem } };
        before = row;
      }
      if (batch.length < VERIFY_BATCH) return { rows };
    }
  }

  async state(): Promise<ArchiverState> {
    const [row] = await query<{
      watermark: string | Date;
      last_run_at: string | Date | null;
      last_error: string | null;
    }>(this.orm.em.fork(), 'select watermark, last_run_at, last_error from audit_archiver_state where id = 1');
    return {
      watermark: new Date(row!.watermark),
      lastRunAt: row!.last_run_at ? new Date(row!.last_run_at) : null,
      lastError: row!.last_error,
    };
  }

  /** Records a run: the watermark only moves forward, and only after a run that archived everything it listed. */
  async recordRun(at: Date, outcome: { watermark: Date } | { error: string }): Promise<void> {
    if ('watermark' in outcome)
      await query(
        this.orm.em.fork(),
        'update audit_archiver_state set watermark = greatest(watermark, ?), last_run_at = ?, last_error = null where id = 1',
        [outcome.watermark, at],
      );
    else
      await query(this.orm.em.fork(), 'update audit_archiver_state set last_run_at = ?, last_error = ? where id = 1', [
        at,
        outcome.error.slice(0, 1000),
      ]);
  }

  /** Closed cases the archive does not hold yet, oldest first, after the keyset `after` (closing instant, id). */
  async unarchivedClosedCases(
    after: { closedAt: Date; caseId: string },
    limit: number,
  ): Promise<Array<{ caseId: string; closedAt: Date }>> {
    const rows = await query<{ id: string; updated_at: string | Date }>(
      this.orm.em.fork(),
      `select c.id, c.updated_at
         from case_record c
        where c.status->>'closed' = 'true' and (c.updated_at, c.id) > (?, ?)
          and not exists (select 1 from audit_archive a where a.workflow_id = c.id)
        order by c.updated_at, c.id
        limit ?`,
      [after.closedAt, after.caseId, limit],
    );
    return rows.map((r) => ({ caseId: r.id, closedAt: new Date(r.updated_at) }));
  }
}
