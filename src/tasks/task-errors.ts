import type { DecisionProblem } from '../../workflows/contracts/decisions.js';
import { DomainError } from '../common/errors/domain-error.js';

export const taskNotFound = () =>
  new DomainError('not-found', 'TASK_NOT_FOUND', { zh: '任务不存在或不属于您', en: 'No such task in your inbox' });

export const taskClosed = () =>
  new DomainError('conflict', 'TASK_CLOSED', { zh: '该任务已办结', en: 'This task is already closed' });

export const taskClaimedByOther = (by: string) =>
  new DomainError('conflict', 'TASK_CLAIMED', { zh: `该任务已由 ${by} 认领`, en: `This task is claimed by ${by}` });

/** A decision its task's schema does not accept: the same code and status the workflow would answer. */
export const decisionRefused = (problem: DecisionProblem) =>
  new DomainError(problem.kind === 'invalid' ? 'invalid' : 'not-allowed-by-law', problem.code, problem.text, [
    { field: problem.field, code: problem.code, text: problem.text },
  ]);
