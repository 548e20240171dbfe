import { ApplicationFailure } from '@temporalio/common';

/**
 * PostgreSQL error classes that no retry can mend: the data itself is refused
 * (22 data exception, e.g. a NUL byte or a value too long; 23 integrity
 * constraint; 08P01 protocol violation, which is how a NUL in a parameter
 * surfaces; 42 a statement the schema cannot run). Connection loss,
 * serialization failures and shutdowns stay retryable.
 */
const PERMANENT_SQLSTATE = /^(22|23|42)|^08P01$/;

/** The SQLSTATE of a driver error, where it has one (possibly wrapped by the ORM). */
function sqlState(error: unknown): string | undefined {
  for (
    let cause = error as { code?: unknown; cause?: unknown } | undefined, depth = 0;
    cause && depth < 5;
    depth += 1
  ) {
    if (typeof cause.code === 'string' && /^[0-9A-Z]{5}$/.test(cause.code)) return cause.code;
    cause = cause.cause as typeof cause;
  }
  return undefined;
}

/** A permanent failure becomes non-retryable (the case shows it instead of retrying for ever); others pass unchanged. */
export function classifyFailure(activity: string, error: unknown): unknown {
  const state = sqlState(error);
  if (state && PERMANENT_SQLSTATE.test(state)) {
    return ApplicationFailure.nonRetryable(
      `${activity}: PostgreSQL refused the data (SQLSTATE ${state}): ${(error as Error).message}`,
      'PermanentDataError',
      { activity, sqlState: state },
    );
  }
  return error;
}

/** Every activity of a set, with its failures classified. */
export function withFailureClassification<T extends Record<string, (...args: never[]) => Promise<unknown>>>(
  activities: T,
): T {
  const wrapped: Record<string, (...args: never[]) => Promise<unknown>> = {};
  for (const [name, run] of Object.entries(activities)) {
    wrapped[name] = async (...args: never[]) => {
      try {
        return await run(...args);
      } catch (error) {
        throw classifyFailure(name, error);
      }
    };
  }
  return wrapped as T;
}
