import pino from 'pino';
import { ConfigError } from './app-config.js';

/** A process that cannot boot says why on stderr and exits non-zero. */
export function exitOnBootFailure(processName: string) {
  return (error: unknown): never => {
    const logger = pino({ name: processName }, pino.destination(2));
    if (error instanceof ConfigError) logger.fatal(error.message);
    else logger.fatal({ err: error }, `${processName} failed to start`);
    logger.flush();
    process.exit(1);
  };
}
