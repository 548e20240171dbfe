import { setTimeout as sleep } from 'node:timers/promises';

/** Retries `probe` until it resolves or the time is up; the last error explains a failure. */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T>,
  timeoutMs: number,
  intervalMs = 250,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      return await probe();
    } catch (error) {
      lastError = error;
      await sleep(intervalMs);
    }
  }
  throw new Error(`${what} was not ready within ${timeoutMs / 1000} s: ${(lastError as Error)?.message ?? lastError}`);
}
