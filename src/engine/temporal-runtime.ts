import { DefaultLogger, Runtime, type LogEntry } from '@temporalio/worker';
import type { BaseLogger } from 'pino';

const PINO_LEVEL = { TRACE: 'trace', DEBUG: 'debug', INFO: 'info', WARN: 'warn', ERROR: 'error' } as const;

/**
 * Routes the Temporal SDK's own logs through pino, as JSON like the rest of the worker, and serves the SDK's
 * metrics for Prometheus at `metricsAddress` when one is given.
 */
export function installTemporalRuntime(logger: BaseLogger, metricsAddress?: string): void {
  const forward = ({ level, message, meta }: LogEntry) =>
    logger[PINO_LEVEL[level]]({ ...meta, temporal: true }, message);
  Runtime.install({
    logger: new DefaultLogger('INFO', forward),
    ...(metricsAddress
      ? {
          telemetryOptions: {
            metrics: { prometheus: { bindAddress: metricsAddress, countersTotalSuffix: true, unitSuffix: true } },
          },
        }
      : {}),
  });
}
