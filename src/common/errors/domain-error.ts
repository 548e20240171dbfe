import type { LocalizedText } from './localized-text.js';

/** What went wrong, independent of transport; the HTTP filter maps it to a status. */
export type DomainErrorKind =
  | 'invalid' // the request is malformed
  | 'unauthenticated'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'not-allowed-by-law' // well-formed, but the regulation does not allow it
  | 'unavailable'; // a dependency (the engine) cannot be reached; try again

export interface FieldError {
  field: string;
  message: string;
}

/** A failure a person can act on, with a stable machine-readable code. */
export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    readonly code: string,
    readonly text: LocalizedText,
    readonly fieldErrors: FieldError[] = [],
  ) {
    super(text.en);
    this.name = 'DomainError';
  }
}
