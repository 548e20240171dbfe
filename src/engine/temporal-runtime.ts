import { DefaultLogger, Runtime, type LogEntry } from '@temporalio/worker';
import type { BaseLogger } from 'pino';

const PINO_LEVEL = { TRACE: 'trace', DEBUG: 'debug', INFO: 'info', WARN: 'warn', ERROR: 'error' } as const;

/** Routes the Temporal SDK's own logs through pino, as JSON like the rest of the worker. */
export function installTemporalRuntime(logger: BaseLogger): void {
  const forward = ({ level, message, meta }: LogEntry) =>
    logger[PINO_LEVEL[level]]({ ...meta, temporal: true }, message);
  Runtime.install({ logger: new DefaultLogger('INFO', forward) });
}
