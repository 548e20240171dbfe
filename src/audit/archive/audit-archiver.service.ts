import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import { CaseEngine, type ClosedWorkflow } from '../../engine/case-engine.js';
import { AuditArchiveRepository, runKey } from './audit-archive.repository.js';

/** Visibility may list a closed workflow a little after it closed: each run looks back this far past the watermark. */
const LOOK_BACK_MS = 15 * 60_000;
const CATCH_UP_BATCH = 200;
const RETRY_MS = 30_000;

export interface ArchiveRun {
  archived: number;
  watermark: string;
}

/**
 * Copies every closed workflow's history into the audit archive before the
 * engine's retention drops it. Each run lists what closed since the watermark
 * (less a look-back) from the engine's visibility store and appends what the
 * archive lacks; the watermark moves only after a run that archived all it
 * listed, so a run cut off is simply done again (appends are idempotent). On
 * boot, a catch-up also archives closed cases the case index knows and the
 * archive lacks, whatever their age.
 */
@Injectable()
export class AuditArchiver implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AuditArchiver.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<ArchiveRun>;
  private stopped = false;

  constructor(
    private readonly archive: AuditArchiveRepository,
    private readonly engine: CaseEngine,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.ARCHIVER_ENABLED) return;
    const boot = async () => {
      if (await this.engine.ensureRetention(this.config.TEMPORAL_RETENTION_DAYS))
        this.logger.log({ days: this.config.TEMPORAL_RETENTION_DAYS }, 'namespace retention set');
      await this.catchUp();
    };
    const attempt = () => {
      if (this.stopped) return;
      boot().then(
        () => this.schedule(),
        (error: unknown) => {
          this.logger.warn({ error: String(error) }, 'archive catch-up not done yet; retrying');
          this.timer = setTimeout(attempt, RETRY_MS);
        },
      );
    };
    attempt();
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  /** One pass (the timer's, or a test's); a pass already going is joined, not doubled. */
  runOnce(): Promise<ArchiveRun> {
    this.running ??= this.pass().finally(() => (this.running = undefined));
    return this.running;
  }

  /** Archives closed cases the case index knows and the archive lacks, oldest first. */
  async catchUp(): Promise<number> {
    let archived = 0;
    for (let after = { closedAt: new Date(0), caseId: '' }; ;) {
      const batch = await this.archive.unarchivedClosedCases(after, CATCH_UP_BATCH);
      for (const pending of batch) {
        const run = await this.engine.closedRun(pending.caseId);
        if (run && (await this.append(run))) archived += 1;
        else if (!run)
          this.logger.error({ caseId: pending.caseId }, 'closed case no longer in the engine and not archived');
        after = pending;
      }
      if (batch.length < CATCH_UP_BATCH) break;
    }
    await this.runOnce();
    return archived;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.runOnce().then(
        () => this.schedule(),
        () => this.schedule(),
      );
    }, this.config.ARCHIVE_INTERVAL_SECONDS * 1000);
    this.timer.unref();
  }

  private async pass(): Promise<ArchiveRun> {
    const startedAt = new Date();
    try {
      const { watermark } = await this.archive.state();
      const closed = await this.engine.closedSince(new Date(watermark.getTime() - LOOK_BACK_MS));
      // The look-back lists again what earlier runs archived: one query tells them apart.
      const held = await this.archive.archivedAmong(closed);
      let archived = 0;
      let newest = watermark;
      for (const run of closed) {
        if (!held.has(runKey(run)) && (await this.append(run))) archived += 1;
        if (run.closedAt > newest) newest = run.closedAt;
      }
      await this.archive.recordRun(startedAt, { watermark: newest });
      return { archived, watermark: newest.toISOString() };
    } catch (error) {
      await this.archive.recordRun(startedAt, { error: String(error) }).catch(() => undefined);
      throw error;
    }
  }

  /** False when the run was archived meanwhile (by another process). */
  private async append(run: ClosedWorkflow): Promise<boolean> {
    const history = await this.engine.rawHistory(run.workflowId, run.runId);
    return this.archive.append({ ...run, history });
  }
}
