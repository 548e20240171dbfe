import { ApplicationFailure } from '@temporalio/common';
import { causeChain } from '../src/common/errors/cause-chain.js';
import { PERMANENT_FAILURE_TYPE } from '../workflows/contracts/incident.js';

/**
 * PostgreSQL error classes that no retry can mend: the data itself is refused
 * (22 data exception, e.g. a NUL byte or a value too long; 23 integrity
 * constraint; 08P01 protocol violation, which is how a NUL in a parameter
 * surfaces; 42 a statement the schema cannot run). Connection loss,
 * serialization failures and shutdowns stay retryable.
 */
const PERMANENT_SQLSTATE = /^(22|23|42)|^08P01$/;

/**
 * The driver's error and its SQLSTATE, where there is one (possibly wrapped by
 * the ORM, whose own message quotes the statement and its parameters: personal
 * data that must not travel into the incident).
 */
function driverError(error: unknown): { code: string; message: string } | undefined {
  const driver = causeChain(error).find((e) => typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code));
  if (!driver) return undefined;
  return { code: driver.code as string, message: typeof driver.message === 'string' ? driver.message : '' };
}

/** A permanent failure becomes non-retryable (the case opens an incident instead of retrying for ever); others pass unchanged. */
export function classifyFailure(activity: string, error: unknown): unknown {
  const driver = driverError(error);
  if (driver && PERMANENT_SQLSTATE.test(driver.code)) {
    return ApplicationFailure.nonRetryable(
      `${activity}: PostgreSQL refused the data (SQLSTATE ${driver.code}): ${driver.message}`,
      PERMANENT_FAILURE_TYPE,
      { activity, sqlState: driver.code },
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
