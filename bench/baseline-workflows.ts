import { condition, defineUpdate, setHandler } from '@temporalio/workflow';

/** Bare-Temporal baselines for the benchmark, bundled beside the real workflows. */
export * from '../workflows/index.js';

export const pingUpdate = defineUpdate<number, [number]>('ping');
export const stopUpdate = defineUpdate<void>('stop');

/** Does nothing: the baseline for starts. */
export async function emptyWorkflow(): Promise<void> {}

/** Answers updates and does nothing else: the baseline for decisions. */
export async function noopUpdateWorkflow(): Promise<void> {
  let stopped = false;
  setHandler(pingUpdate, (n) => n);
  setHandler(stopUpdate, () => {
    stopped = true;
  });
  await condition(() => stopped);
}
