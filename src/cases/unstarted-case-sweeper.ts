import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DomainError } from '../common/errors/domain-error.js';
import { AppConfig } from '../config/app-config.js';
import { CaseEngine } from '../engine/case-engine.js';
import { CaseRecordRepository } from './case-record.repository.js';
import { caseSearchAttributes } from './case-search-attributes.js';

/** A start answers within the request limit; a row older than this whose workflow has not written is looked at. */
export const UNSTARTED_GRACE_MS = 60_000;
const BATCH = 100;

export interface SweepResult {
  started: string[];
  confirmed: number;
  /** Cases the engine refused to start: logged as errors and tried again at each pass, never in the others' way. */
  refused: string[];
}

/**
 * Starts the workflows of cases registered but never started: the API killed between the case's row and the engine,
 * or the engine's answer lost with the engine out of reach (such a start is answered as received). Each pass looks
 * at rows whose workflow has not written to them after the grace time: the engine holds the workflow (the row's
 * start input is dropped), or it does not (the workflow is started from that input, with the case's receipt time,
 * so its deadlines count as they would have), or the engine does not answer (the pass ends; the next one retries).
 * A start attaches to a workflow already running, so two API processes sweeping at once start nothing twice.
 */
@Injectable()
export class UnstartedCaseSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(UnstartedCaseSweeper.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<SweepResult>;

  constructor(
    private readonly cases: CaseRecordRepository,
    private readonly engine: CaseEngine,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const seconds = this.config.UNSTARTED_SWEEP_SECONDS;
    if (seconds <= 0) return;
    this.timer = setInterval(() => {
      this.runOnce().catch((error: unknown) =>
        this.logger.warn({ error: String(error) }, 'unstarted cases not swept; retrying at the next pass'),
      );
    }, seconds * 1000);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** One pass over the rows registered before `now - graceMs`; a pass already going is joined, not doubled. */
  runOnce(graceMs = UNSTARTED_GRACE_MS): Promise<SweepResult> {
    this.running ??= this.pass(new Date(Date.now() - graceMs)).finally(() => (this.running = undefined));
    return this.running;
  }

  private async pass(before: Date): Promise<SweepResult> {
    const result: SweepResult = { started: [], confirmed: 0, refused: [] };
    for (const row of await this.cases.unstarted(before, BATCH)) {
      const existence = await this.engine.existence(row.id);
      if (existence === 'unknown') break;
      if (existence === 'absent') {
        const { workflowType, input } = row.startInput!;
        const searchAttributes = caseSearchAttributes(row);
        try {
          await this.engine.startCase({ caseId: row.id, workflowType, input, searchAttributes }, false).started;
        } catch (error) {
          if (error instanceof DomainError && error.kind === 'unavailable') break;
          this.logger.error(
            { caseId: row.id, err: error },
            'the engine refused to start a case whose start was cut off',
          );
          result.refused.push(row.id);
          continue;
        }
        this.logger.warn({ caseId: row.id }, 'started the workflow of a case whose start was cut off');
        result.started.push(row.id);
      } else result.confirmed += 1;
      await this.cases.startConfirmed(row.id);
    }
    return result;
  }
}
