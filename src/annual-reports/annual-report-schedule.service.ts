import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ScheduleOverlapPolicy } from '@temporalio/client';
import {
  ANNUAL_REPORT_ROUND_WORKFLOW,
  annualReportScheduleId,
  type AnnualReportRoundInput,
} from '../../workflows/contracts/annual-report.js';
import { AppConfig } from '../config/app-config.js';
import { CaseEngine, type ScheduleSummary } from '../engine/case-engine.js';

const RETRY_MS = 30_000;

/**
 * P7 (Chongqing Art. 47): a Temporal Schedule that starts the annual report
 * round at 00:00 Asia/Shanghai on 1 January. Created when the API boots (or
 * as soon as Temporal answers); a missed January is caught up for 30 days.
 */
@Injectable()
export class AnnualReportSchedule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AnnualReportSchedule.name);
  private retry?: NodeJS.Timeout;

  constructor(
    private readonly engine: CaseEngine,
    private readonly config: AppConfig,
  ) {}

  get scheduleId(): string {
    return annualReportScheduleId(this.config.TEMPORAL_TASK_QUEUE);
  }

  onApplicationBootstrap(): void {
    const attempt = () => {
      this.ensure().catch((error: unknown) => {
        this.logger.warn({ error: String(error) }, 'annual report schedule not created yet; retrying');
        this.retry = setTimeout(attempt, RETRY_MS);
      });
    };
    attempt();
  }

  onApplicationShutdown(): void {
    clearTimeout(this.retry);
  }

  /** Creates the schedule unless it exists. */
  async ensure(): Promise<void> {
    const args: [AnnualReportRoundInput] = [{ administrativeTargets: this.config.ADMINISTRATIVE_TARGETS }];
    const created = await this.engine.ensureSchedule({
      scheduleId: this.scheduleId,
      // 1 January 00:00 in Asia/Shanghai is 31 December 16:00 UTC all years (no DST since 1991); UTC needs no tz database on the server.
      spec: { calendars: [{ month: 'DECEMBER', dayOfMonth: 31, hour: 16, minute: 0 }] },
      action: {
        type: 'startWorkflow',
        workflowType: ANNUAL_REPORT_ROUND_WORKFLOW,
        taskQueue: this.config.TEMPORAL_TASK_QUEUE,
        workflowId: `annual-report-round@${this.config.TEMPORAL_TASK_QUEUE}`,
        args,
      },
      policies: { overlap: ScheduleOverlapPolicy.ALLOW_ALL, catchupWindow: '30 days' },
    });
    if (created) this.logger.log({ scheduleId: this.scheduleId }, 'annual report schedule created');
  }

  /** Runs the round now (an administrator catching up, or a test), as the schedule would. */
  async trigger(): Promise<{ scheduleId: string }> {
    await this.ensure().catch(() => undefined);
    await this.engine.triggerSchedule(this.scheduleId);
    return { scheduleId: this.scheduleId };
  }

  describe(): Promise<ScheduleSummary> {
    return this.engine.describeSchedule(this.scheduleId);
  }
}
