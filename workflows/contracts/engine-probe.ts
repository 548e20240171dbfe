import type { DueDate, DueDateRequest } from './deadline.js';

/** A one-activity workflow that proves API → Temporal → worker → PostgreSQL works end to end. */
export const ENGINE_PROBE_WORKFLOW = 'engineProbe';

export type EngineProbeInput = DueDateRequest;

export interface EngineProbeResult extends DueDate {
  workflowId: string;
}

export const engineProbeWorkflowId = (nonce: string) => `engine-probe-${nonce}`;
