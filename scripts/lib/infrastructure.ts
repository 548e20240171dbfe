import path from 'node:path';
import { findOrBuildTemporalCli } from '../../temporal/temporal-cli.js';
import { startDevServer } from '../../temporal/dev-server.js';
import { startProductionServer } from '../../temporal/production-server.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import type { Supervision } from './supervised-process.js';

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
  /** Keep workflows in a SQLite file in the data folder across restarts (dev server). */
  persistentTemporal: boolean;
  /** `dev`: the Temporal CLI's dev server (SQLite); `server`: a real Temporal server on PostgreSQL. */
  temporalMode: 'dev' | 'server';
  /** The engine's databases on the same PostgreSQL (server mode). */
  temporalDatabases: { main: string; visibility: string; fresh?: boolean };
  namespace: string;
  retentionDays: number;
  codecEndpoint?: string;
  log: (line: string) => void;
  /**
   * What this starts is started again when it exits by itself: the embedded PostgreSQL, the Temporal server (and
   * its UI), and the dev server with `persistentTemporal`.
   */
  superviseEmbedded?: Supervision;
}

export interface Infrastructure {
  databaseUrl: string;
  temporalAddress: string;
  stop(): Promise<void>;
}

/** TEMPORAL_MODE: `dev` (the default) or `server`; anything else is a mistake worth stopping for. */
export function temporalModeOf(value: string | undefined): 'dev' | 'server' {
  if (value === undefined || value === '' || value === 'dev') return 'dev';
  if (value === 'server') return 'server';
  throw new Error(`TEMPORAL_MODE must be dev or server, not ${value}`);
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
      const postgres = await startEmbeddedPostgres(dir, options.embeddedPostgresPort, options.superviseEmbedded);
      stops.push(() => postgres.stop());
      databaseUrl = postgres.urlFor(options.databaseName);
    }
    let temporalAddress = options.temporalAddress;
    if (!temporalAddress && options.temporalMode === 'server') {
      options.log(`starting a Temporal server on PostgreSQL, 127.0.0.1:${options.temporalPort}`);
      const server = await startProductionServer({
        toolsDir: options.toolsDir,
        dataDir: options.dataDir,
        postgresUrl: databaseUrl,
        databases: options.temporalDatabases,
        fresh: options.temporalDatabases.fresh,
        port: options.temporalPort,
        uiPort: options.temporalUiPort,
        namespace: options.namespace,
        retentionDays: options.retentionDays,
        codecEndpoint: options.codecEndpoint,
        log: options.log,
        supervise: options.superviseEmbedded,
      });
      stops.push(() => server.stop());
      temporalAddress = server.address;
    }
    if (!temporalAddress) {
      const cli = findOrBuildTemporalCli(options.toolsDir, options.log);
      options.log(`starting Temporal dev server on 127.0.0.1:${options.temporalPort}`);
      const server = await startDevServer({
        cli,
        port: options.temporalPort,
        uiPort: options.temporalUiPort,
        dbFile: options.persistentTemporal ? path.join(options.dataDir, 'temporal.sqlite') : undefined,
        logFile: path.join(options.dataDir, 'logs', `temporal-${options.temporalPort}.log`),
        supervise: options.superviseEmbedded,
      });
      stops.push(() => server.stop());
      temporalAddress = server.address;
    }
    return { databaseUrl, temporalAddress, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
