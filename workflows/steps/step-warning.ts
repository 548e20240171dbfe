import { activities } from './activities-proxy.js';
import { deadlineRecord, type StepCore } from './step-core.js';
import { warnedAt } from './step-plan-request.js';
import { workflowNow } from './workflow-time.js';

/**
 * 预警 (yellow card) before a breach (red card): when the working days left of a running period reach the
 * threshold, the warning is recorded once with the step's article, on the task, the case and the supervision list.
 * A period no longer than the threshold is not warned (it would be warned as it opens).
 */
export class StepWarning {
  static readonly PATCH = 'step-warnings';
  /** When the warning falls due, while it is still to come. */
  pendingAt?: string;
  private recorded = false;

  constructor(private readonly step: StepCore) {}

  /** (Re)computes the warning point for the step's current due date; called whenever the due date moves. */
  async plan(): Promise<void> {
    const { status, ctx } = this.step;
    if (this.recorded || status.state !== 'open') return;
    const threshold = warnedAt(status.due.workingDays, ctx.warningSetting());
    const at =
      threshold === undefined
        ? undefined
        : await activities.computeWarningFrom({ due: status.due, workingDays: threshold });
    this.planned(threshold, at);
  }

  /** Sets the warning point computed for the current due date (none when the period is too short to warn). */
  planned(threshold: number | undefined, at: string | undefined): void {
    const { status } = this.step;
    this.pendingAt = at;
    status.due.warning = threshold === undefined || at === undefined ? undefined : { at, workingDays: threshold };
  }

  async record(): Promise<void> {
    const { status } = this.step;
    const now = workflowNow().toISOString();
    const workingDaysLeft = status.due.warning?.workingDays ?? 0;
    this.recorded = true;
    this.pendingAt = undefined;
    status.warning = { recordedAt: now, dueAt: status.due.dueAt, workingDaysLeft, citation: status.due.citation };
    await activities.recordWarning({ ...deadlineRecord(this.step, now), workingDaysLeft });
  }
}
