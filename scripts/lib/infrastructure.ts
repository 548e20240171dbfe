import path from 'node:path';
import { findOrBuildTemporalCli } from '../../temporal/temporal-cli.js';
import { startDevServer } from '../../temporal/dev-server.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';

export interface InfrastructureOptions {
  dataDir: string;
  toolsDir: string;
  /** Used as is when set; else an embedded PostgreSQL is started. */
  databaseUrl?: string;
  databaseName: string;
  embeddedPostgresPort: number;
  /** Used as is when set; else a Temporal dev server is started. */
  temporalAddress?: string;
  temporalPort: number;
  temporalUiPort?: number;
  /** Keep workflows in a SQLite file in the data folder across restarts. */
  persistentTemporal: boolean;
  log: (line: string) => void;
}

export interface Infrastructure {
  databaseUrl: string;
  temporalAddress: string;
  stop(): Promise<void>;
}

/** PostgreSQL and Temporal: the configured ones, or embedded defaults in the data folder. */
export async function startInfrastructure(options: InfrastructureOptions): Promise<Infrastructure> {
  const stops: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const step of stops.reverse()) await step().catch(() => undefined);
  };
  try {
    let databaseUrl = options.databaseUrl;
    if (!databaseUrl) {
      const dir = path.join(options.dataDir, `postgres-${options.embeddedPostgresPort}`);
      options.log(`starting embedded PostgreSQL on 127.0.0.1:${options.embeddedPostgresPort} (data: ${dir})`);
      const postgres = await startEmbeddedPostgres(dir, options.embeddedPostgresPort);
      stops.push(() => postgres.stop());
      databaseUrl = postgres.urlFor(options.databaseName);
    }
    let temporalAddress = options.temporalAddress;
    if (!temporalAddress) {
      const cli = findOrBuildTemporalCli(options.toolsDir, options.log);
      options.log(`starting Temporal dev server on 127.0.0.1:${options.temporalPort}`);
      const server = await startDevServer({
        cli,
        port: options.temporalPort,
        uiPort: options.temporalUiPort,
        dbFile: options.persistentTemporal ? path.join(options.dataDir, 'temporal.sqlite') : undefined,
        logFile: path.join(options.dataDir, 'logs', `temporal-${options.temporalPort}.log`),
      });
      stops.push(() => server.process.stop());
      temporalAddress = server.address;
    }
    return { databaseUrl, temporalAddress, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
