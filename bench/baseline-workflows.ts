import {
  condition,
  defineQuery,
  defineUpdate,
  proxyLocalActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { FloorActivities } from './floor-store.js';

/** Bare-Temporal baselines for the benchmark, bundled beside the real workflows. */
export * from '../workflows/index.js';

export const pingUpdate = defineUpdate<number, [number]>('ping');
export const stopUpdate = defineUpdate<void>('stop');
export const countQuery = defineQuery<number>('count');
export const firstStepUpdate = defineUpdate<string>('firstStep');

const floor = proxyLocalActivities<FloorActivities>({ startToCloseTimeout: '10 seconds' });

/** Does nothing: the baseline for starts. */
export async function emptyWorkflow(): Promise<void> {}

/** Answers updates and a query and does nothing else: the baseline for decisions and status reads. */
export async function noopUpdateWorkflow(): Promise<void> {
  let stopped = false;
  let pings = 0;
  setHandler(pingUpdate, (n) => ((pings += 1), n));
  setHandler(countQuery, () => pings);
  setHandler(stopUpdate, () => {
    stopped = true;
  });
  await condition(() => stopped);
}

/**
 * The floor of a start answered with its first step: the update waits for one local activity that writes one row,
 * as a case's update waits for its first step's task. No HTTP, no token, no plan, no case row.
 */
export async function firstStepFloorWorkflow(): Promise<void> {
  const firstStep = floor.recordFirstStep(workflowInfo().workflowId);
  setHandler(firstStepUpdate, () => firstStep);
  await firstStep;
}
