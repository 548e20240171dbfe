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
