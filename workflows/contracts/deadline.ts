/** A due date computed from working days (SPEC §2). */
export interface DueDate {
  /** The last working day of the period (Asia/Shanghai), YYYY-MM-DD. */
  dueDate: string;
  /** The exclusive end: 00:00 Asia/Shanghai after `dueDate` (24:00 of the due date), ISO-8601 UTC. */
  dueAt: string;
  /** True when a counted day falls in a year without a loaded schedule (weekends only assumed). */
  provisional: boolean;
  /** The years without a schedule that the count crossed. */
  provisionalYears: number[];
}

export interface DueDateRequest {
  /** ISO-8601 instant of receipt (or of the triggering event). */
  receivedAt: string;
  workingDays: number;
}

/** What a step needs from the calendar as it opens, asked in one call. */
export interface StepPlanRequest {
  /** ISO-8601 instant the period runs from. */
  from: string;
  workingDays: number;
  /** Working days left at which the step is warned (预警); absent when its period is too short to warn. */
  warningWorkingDays?: number;
  /** The period within which a supplement may be asked for, where the step has one. */
  supplementWorkingDays?: number;
}

export interface StepPlan {
  due: DueDate;
  /** The instant the warning falls due, when one was asked for. */
  warningAt?: string;
  /** The end of the period for asking for a supplement, when one was asked for. */
  supplementBy?: DueDate;
  /** The calendar's version it was counted on (PostgreSQL's): the step's task opens only while it is still current. */
  calendarVersion?: string;
}

/** A step's plan made by the API as it started the case: the workflow takes it for a first step that asks the same. */
export interface PlannedAhead {
  request: StepPlanRequest;
  plan: StepPlan;
}
