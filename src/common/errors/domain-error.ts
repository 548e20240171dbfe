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

/** What is wrong with one field: a stable code and a message in both languages. */
export interface FieldError {
  field: string;
  code: string;
  text: LocalizedText;
}

export const fieldError = (field: string, code: string, zh: string, en: string): FieldError => ({
  field,
  code,
  text: { zh, en },
});

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
