import type { CaseStatus } from '../contracts/case-status.js';
import type { Text } from '../contracts/citation.js';

export type StopKind = 'withdrawn' | 'terminated';

/** The final states of a case closed without a decision on its merits. */
export const STOP_STATES: Record<StopKind, { id: StopKind; text: Text }> = {
  withdrawn: { id: 'withdrawn', text: { zh: '申请人已撤销申请', en: 'Withdrawn by the applicant' } },
  terminated: { id: 'terminated', text: { zh: '数据主管部门已终止办理', en: 'Terminated by the data authority' } },
};

/** What closes a stopped case: the runtime of the case. */
export interface StoppableCase {
  closeStopped(): Promise<CaseStatus>;
}

/**
 * Thrown out of the step a 撤销 or 终止 ended, through the procedure's own
 * code (which has no decision to act on), to the workflow's entry, which closes the case.
 */
export class CaseStopped extends Error {
  constructor(readonly stopped: StoppableCase) {
    super('the case was withdrawn or terminated');
    this.name = 'CaseStopped';
  }
}

/** A procedure as a workflow: a case withdrawn or terminated while a step waits closes as such. */
export function stoppable<I>(procedure: (input: I) => Promise<CaseStatus>): (input: I) => Promise<CaseStatus> {
  return async (input: I) => {
    try {
      return await procedure(input);
    } catch (error) {
      if (error instanceof CaseStopped) return error.stopped.closeStopped();
      throw error;
    }
  };
}
