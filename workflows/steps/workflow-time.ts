/**
 * The current workflow time. Inside the Temporal sandbox `Date` is replaced by
 * the deterministic time of the workflow task being replayed, so this is not a
 * wall-clock read; it is the one sanctioned place that asks.
 */
export function workflowNow(): Date {
  // eslint-disable-next-line no-restricted-properties
  return new Date(Date.now());
}
