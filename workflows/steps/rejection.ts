import { ApplicationFailure } from '@temporalio/workflow';
import { REJECTION_TYPES } from '../contracts/case-messages.js';
import type { Text } from '../contracts/citation.js';

export type RejectionKind = keyof typeof REJECTION_TYPES;

export interface RejectionDetails {
  code: string;
  text: Text;
}

/** Rejects an update in its validator with a reason a person can act on; nothing in the case changes. */
export function reject(kind: RejectionKind, code: string, text: Text): never {
  const details: RejectionDetails = { code, text };
  throw ApplicationFailure.create({ type: REJECTION_TYPES[kind], message: text.en, details: [details], nonRetryable: true });
}
