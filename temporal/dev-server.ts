import { Connection } from '@temporalio/client';
import { mkdirSync, openSync } from 'node:fs';
import path from 'node:path';
import { CUSTOM_SEARCH_ATTRIBUTES } from '../workflows/contracts/search-attributes.js';
import type { ChildProcess } from 'node:child_process';
import { startProcess } from '../scripts/lib/child-process.js';
import { supervisedIf, type Supervision } from '../scripts/lib/supervised-process.js';
import { portInUse } from '../scripts/lib/port-in-use.js';
import { waitFor } from '../scripts/lib/wait-for.js';

export interface DevServerOptions {
  cli: string;
  port: number;
  /** Web UI port; omitted → headless. */
  uiPort?: number;
  /** SQLite file that keeps workflows across restarts; omitted → in memory. */
  dbFile?: string;
  logFile: string;
  /** Started again when it exits by itself; only with a `dbFile` (an in-memory server would come back empty). */
  supervise?: Supervision;
}

export interface RunningDevServer {
  address: string;
  /** The server's process now. */
  child(): ChildProcess;
  stop(): Promise<void>;
}

/** `temporal server start-dev` with this system's search attributes registered. */
export async function startDevServer(options: DevServerOptions): Promise<RunningDevServer> {
  // A server left behind by a killed run would answer in place of ours, with its old workflows: refuse, and say so.
  if (await portInUse(options.port)) {
    throw new Error(
      `127.0.0.1:${options.port} is already in use (a Temporal dev server left from an earlier run?); stop it, or set TEMPORAL_ADDRESS to use it`,
    );
  }
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(options.port), '--log-level', 'warn'];
  args.push('--http-port', String(options.port + 10), '--metrics-port', String(options.port + 20));
  if (options.uiPort) args.push('--ui-port', String(options.uiPort));
  else args.push('--headless');
  if (options.dbFile) {
    mkdirSync(path.dirname(options.dbFile), { recursive: true });
    args.push('--db-filename', options.dbFile);
  }
  for (const [name, type] of Object.entries(CUSTOM_SEARCH_ATTRIBUTES))
    args.push('--search-attribute', `${name}=${type}`);
  mkdirSync(path.dirname(options.logFile), { recursive: true });
  const log = openSync(options.logFile, 'a');
  const spawn = () => startProcess('temporal', options.cli, args, { stdio: ['ignore', log, log] });
  const running = supervisedIf(options.dbFile ? options.supervise : undefined, 'temporal', spawn);
  const child = () => running.child;
  const address = `127.0.0.1:${options.port}`;
  try {
    await waitFor(
      `Temporal dev server on ${address} (log: ${options.logFile})`,
      async () => {
        if (child().exitCode !== null) throw new Error(`exited with code ${child().exitCode}`);
        const connection = await Connection.connect({ address, connectTimeout: 1000 });
        try {
          await connection.workflowService.getSystemInfo({});
        } finally {
          await connection.close();
        }
      },
      60_000,
    );
  } catch (error) {
    await running.stop();
    throw error;
  }
  return { address, child, stop: () => running.stop() };
}
