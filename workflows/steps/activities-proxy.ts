import { ActivityFailure, ApplicationFailure, proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import { patchedBefore202612 } from './run-patches.js';
import type { Activities } from '../contracts/activities.js';

/**
 * Every activity here is a short, idempotent PostgreSQL read or write, so they
 * run as local activities: in the worker that runs the workflow task, without a
 * round trip through the server per call. Each returns what it recorded, so the
 * history's markers still show every task, deadline, breach and grant.
 * Transient failures retry with backoff; permanent ones are not retried (see
 * activities/failure-classification.ts) and come here as incidents.
 */
const OPTIONS = {
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
} as const;
const unguarded = proxyLocalActivities<Activities>(OPTIONS);
/**
 * The same, as ordinary activities through the server's queue: a local activity holds the workflow task open until
 * it ends, and with it an update's reply; one of these lets the task (and the reply) go first.
 */
const unguardedQueued = proxyActivities<Activities>(OPTIONS);

/** What a case does with a permanent failure: records it, and waits for an operator to ask for a retry. */
export interface IncidentHandler {
  /** Resolves when the operator asks for the call to be tried again. */
  raise(activity: string, failure: ApplicationFailure): Promise<IncidentRetry>;
}

export interface IncidentRetry {
  /** The retried call's end: it went through, or failed again (and a new incident follows). */
  settle(outcome: 'resolved' | 'failed-again'): Promise<void>;
}

/** Cases recorded before incidents existed end Failed on a permanent failure, as they did then. */
const INCIDENT_PATCH = 'incident-on-permanent-failure';

// Module state is per workflow run: the sandbox gives each run its own copy.
let incidents: IncidentHandler | undefined;

export function handleIncidents(handler: IncidentHandler): void {
  incidents = handler;
}

/** A local activity's failure arrives as the activity's own ApplicationFailure; a remote one wrapped in an ActivityFailure. */
function permanentFailureOf(error: unknown): ApplicationFailure | undefined {
  const failure = error instanceof ActivityFailure ? error.cause : error;
  return failure instanceof ApplicationFailure && failure.nonRetryable ? failure : undefined;
}

async function callGuarded(via: Activities, name: keyof Activities, args: unknown[]): Promise<unknown> {
  const call = via[name] as (...a: unknown[]) => Promise<unknown>;
  let retry: IncidentRetry | undefined;
  for (;;) {
    try {
      const result = await call(...args);
      if (retry) await retry.settle('resolved');
      return result;
    } catch (error) {
      const failure = permanentFailureOf(error);
      if (!failure || !incidents || !patchedBefore202612(INCIDENT_PATCH)) throw error;
      if (retry) await retry.settle('failed-again');
      retry = await incidents.raise(name, failure);
    }
  }
}

/** Calls that turn a permanent failure into the case's incident instead of failing the run. */
const guarded = (via: Activities) =>
  new Proxy(via, {
    get:
      (_target, name) =>
      (...args: unknown[]) =>
        callGuarded(via, name as keyof Activities, args),
  }) as Activities;

/** The activities as workflows call them. */
export const activities = guarded(unguarded);

/** For a write that must not hold back the reply of the update that asked for it. */
export const queuedActivities = guarded(unguardedQueued);

/** For the incident bookkeeping itself, which must not raise incidents about incidents. */
export const incidentActivities = unguarded;
