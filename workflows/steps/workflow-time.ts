/**
 * The current workflow time. Inside the Temporal sandbox `Date` is replaced by
 * the deterministic time of the workflow task being replayed, so this is not a
 * wall-clock read; it is the one sanctioned place that asks.
 */
export function workflowNow(): Date {
  // eslint-disable-next-line no-restricted-properties
  return new Date(Date.now());
}

/** The Asia/Shanghai calendar day (YYYY-MM-DD) of an instant; China keeps UTC+8 all year. */
export function shanghaiDay(instant: string): string {
  return new Date(Date.parse(instant) + 8 * 3_600_000).toISOString().slice(0, 10);
}
