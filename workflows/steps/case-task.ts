import type { DecideArgs } from '../contracts/case-messages.js';
import type { TaskKind } from '../contracts/case-status.js';

/** One task of a case, by its id: what its decisions do. */
export interface CaseTask {
  id: string;
  kind: TaskKind;
  /** Checks a decision in the update's validator: rejects it, or lets it through unchanged. */
  validate(args: DecideArgs): void;
  /**
   * Applies a validated decision in the update's handler. `deferred`: the decision is recorded in the case's state
   * and the step's own flow closes its task afterwards, so the reply need not wait for any write.
   */
  apply(args: DecideArgs): Promise<void | 'deferred'>;
}
