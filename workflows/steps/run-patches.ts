import { patched } from '@temporalio/workflow';

/**
 * Runs started since this patch record it alone in place of every patch before it. Each patch a run asks for
 * records a marker and a `TemporalChangeVersion` upsert in its history (a write to the engine's visibility store);
 * a new case used to record four as its first step opened, and more later. These runs also open steps in two
 * calls (see `StatutoryStep.planned`). Runs started before it replay as they ran, asking each patch.
 */
const RUNS_SINCE_2026_12_PATCH = 'runs-since-2026-12';

// Module state is per workflow run. The first ask decides it: in every run, the tracing gate as the run starts.
let since202612: boolean | undefined;

/** Whether the run started with every patch up to 2026-12 in place. */
export function startedSince202612(): boolean {
  since202612 ??= patched(RUNS_SINCE_2026_12_PATCH);
  return since202612;
}

/** `patched(id)` for a patch from before 2026-12: true, without a marker of its own, in runs started since. */
export function patchedBefore202612(id: string): boolean {
  return startedSince202612() || patched(id);
}
