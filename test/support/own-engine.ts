import { rmSync } from 'node:fs';
import path from 'node:path';
import { killAtOnce } from '../../scripts/lib/child-process.js';
import { TOOLS_DIR } from '../../scripts/lib/project-paths.js';
import type { Supervision } from '../../scripts/lib/supervised-process.js';
import { startDevServer } from '../../temporal/dev-server.js';
import { startProductionServer } from '../../temporal/production-server.js';
import { findOrBuildTemporalCli } from '../../temporal/temporal-cli.js';
import { TEST_DATA_DIR } from './test-environment.js';

export interface OwnEngine {
  address: string;
  /** Kills it at once (a crash): what it had written stays, nothing else. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

const log = (line: string) => process.stderr.write(`[own engine] ${line}\n`);

/**
 * An engine of the test's own, which it may kill and start again on the same
 * state: a dev server on a SQLite file, or, when the run is against the real
 * server (TEST_TEMPORAL_MODE=server), a Temporal server on PostgreSQL. With
 * `supervise`, it is started again when it exits, as `./scripts/start` runs it.
 */
export async function startOwnEngine(
  name: string,
  port: number,
  fresh: boolean,
  supervise?: Supervision,
): Promise<OwnEngine> {
  const dataDir = path.join(TEST_DATA_DIR, name);
  if (process.env.TEST_TEMPORAL_MODE === 'server') {
    const server = await startProductionServer({
      toolsDir: TOOLS_DIR,
      dataDir,
      postgresUrl: process.env.DATABASE_URL!,
      databases: {
        main: `${name.replaceAll('-', '_')}_temporal`,
        visibility: `${name.replaceAll('-', '_')}_visibility`,
      },
      fresh,
      port,
      namespace: 'default',
      retentionDays: 30,
      log,
      supervise,
    });
    return server;
  }
  const dbFile = path.join(dataDir, 'temporal.sqlite');
  if (fresh) rmSync(dataDir, { recursive: true, force: true });
  const server = await startDevServer({
    cli: findOrBuildTemporalCli(TOOLS_DIR, log),
    port,
    dbFile,
    logFile: path.join(dataDir, 'temporal.log'),
    supervise,
  });
  return {
    address: server.address,
    kill: () => killAtOnce(server.child()),
    stop: () => server.stop(),
  };
}
