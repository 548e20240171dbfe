import type { Procedure } from './case-status.js';
import type { PackId, Text } from './citation.js';
import type { InboxTaskInput } from './inbox.js';

/** The failure type an activity gives a permanent error (bad data, a refused constraint): no retry can mend it. */
export const PERMANENT_FAILURE_TYPE = 'PermanentDataError';

/** The platform's operators (role `admin`) work incidents; their department in the registry. */
export const OPERATIONS_DEPARTMENT = 'platform-operations';

/**
 * An incident (运行异常): an activity of the case failed for good. `open` until
 * an operator asks for a retry; the retry then ends it `resolved`, or
 * `failed-again` with a new incident opened in its place.
 */
export interface IncidentStatus {
  incidentId: string;
  /** The operator's inbox task for it (the same id). */
  taskId: string;
  state: 'open' | 'retrying' | 'resolved' | 'failed-again';
  /** The step the case was at, where it was at one. */
  stepId: string | null;
  activity: string;
  error: { type: string; message: string };
  openedAt: string;
  retriedBy?: string;
  retriedAt?: string;
  settledAt?: string;
}

export interface OpenIncidentArgs {
  incident: IncidentStatus;
  caseId: string;
  procedure: Procedure;
  pack: PackId;
  /** What the case shows meanwhile. */
  stateText: Text;
  /** Every incident of the case so far, this one last: the case row shows them. */
  incidents: IncidentStatus[];
  task: InboxTaskInput;
}

export interface SettleIncidentArgs {
  incidentId: string;
  caseId: string;
  state: 'retrying' | 'resolved' | 'failed-again';
  at: string;
  retriedBy?: string;
  /** Every incident of the case as it stands after this. */
  incidents: IncidentStatus[];
}

export interface IncidentActivities {
  /** Records the incident, opens the operator's task and marks the case, in one transaction. */
  openIncident(args: OpenIncidentArgs): Promise<OpenIncidentArgs>;
  settleIncident(args: SettleIncidentArgs): Promise<SettleIncidentArgs>;
}
