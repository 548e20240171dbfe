import type { DecisionRecord } from '../../workflows/contracts/case-status.js';

/** What a reviewer sends to decide a task, as far as the recorded decision keeps it. */
export interface SentDecision {
  decision: string;
  reasons?: string;
  details?: Record<string, string>;
}

const reasonsOf = (reasons: string | undefined) => (reasons ?? '').trim();

const detailsOf = (details: Record<string, string> | undefined) =>
  JSON.stringify(Object.entries(details ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/**
 * Whether a decision sent to a closed task is the one recorded on it, sent again (a retry after a lost reply): the
 * same person, the same decision, reasons (as the workflow trims them) and details.
 */
export function isSameDecision(recorded: DecisionRecord, actorId: string, sent: SentDecision): boolean {
  return (
    recorded.actor.id === actorId &&
    recorded.decision === sent.decision &&
    reasonsOf(recorded.reasons) === reasonsOf(sent.reasons) &&
    detailsOf(recorded.details) === detailsOf(sent.details)
  );
}
