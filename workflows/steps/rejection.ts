import { ApplicationFailure } from '@temporalio/workflow';
import { REJECTION_TYPES } from '../contracts/case-messages.js';
import type { Text } from '../contracts/citation.js';

export type RejectionKind = keyof typeof REJECTION_TYPES;

export interface RejectionDetails {
  code: string;
  text: Text;
  /** The request field at fault, where one is. */
  field?: string;
}

/** Rejects an update in its validator with a reason a person can act on; nothing in the case changes. */
export function reject(kind: RejectionKind, code: string, text: Text, field?: string): never {
  const details: RejectionDetails = field ? { code, text, field } : { code, text };
  throw ApplicationFailure.create({
    type: REJECTION_TYPES[kind],
    message: text.en,
    details: [details],
    nonRetryable: true,
  });
}

/** The task named was decided already (or its step ended): every message about it is a conflict. */
export function rejectDecided(): never {
  return reject('conflict', 'TASK_ALREADY_DECIDED', { zh: '该任务已办结', en: 'This task has already been decided' });
}
