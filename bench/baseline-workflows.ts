import { condition, defineQuery, defineUpdate, setHandler } from '@temporalio/workflow';

/** Bare-Temporal baselines for the benchmark, bundled beside the real workflows. */
export * from '../workflows/index.js';

export const pingUpdate = defineUpdate<number, [number]>('ping');
export const stopUpdate = defineUpdate<void>('stop');
export const countQuery = defineQuery<number>('count');

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
