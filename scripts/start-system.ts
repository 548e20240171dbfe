import exitHook from 'async-exit-hook';
import path from 'node:path';
import { setupDatabase } from '../src/database/setup-database.js';
import { startProcess } from './lib/child-process.js';
import { startInfrastructure, temporalModeOf } from './lib/infrastructure.js';
import { localJwtSecret, localPayloadKeys } from './lib/local-secrets.js';
import { DATA_DIR, DIST_DIR, PROJECT_ROOT, TOOLS_DIR } from './lib/project-paths.js';
import { SupervisedProcess } from './lib/supervised-process.js';

const log = (line: string) => process.stderr.write(`[start] ${line}\n`);

/**
 * The whole system in one command: PostgreSQL and Temporal (configured or
 * embedded), migrations and seed data, the worker and the API. Ctrl-C stops all.
 */
async function main(): Promise<void> {
  // A process that cannot be kept running stops the system; while the engine is still starting, its start fails by
  // itself (it waits for the engine) and cleans up.
  let giveUp: (code: number) => void = () => undefined;
  let stopping = false;
  const supervision = { log, onGiveUp: (code: number) => giveUp(code), stopping: () => stopping };
  const infrastructure = await startInfrastructure({
    dataDir: DATA_DIR,
    toolsDir: TOOLS_DIR,
    databaseUrl: process.env.DATABASE_URL,
    databaseName: 'approvals',
    embeddedPostgresPort: Number(process.env.EMBEDDED_POSTGRES_PORT ?? 54320),
    temporalAddress: process.env.TEMPORAL_ADDRESS,
    temporalPort: Number(process.env.TEMPORAL_PORT ?? 7233),
    temporalUiPort: Number(process.env.TEMPORAL_UI_PORT ?? 8233),
    persistentTemporal: true,
    temporalMode: temporalModeOf(process.env.TEMPORAL_MODE),
    temporalDatabases: { main: 'temporal', visibility: 'temporal_visibility' },
    namespace: process.env.TEMPORAL_NAMESPACE ?? 'default',
    retentionDays: Number(process.env.TEMPORAL_RETENTION_DAYS ?? 30),
    codecEndpoint: `http://localhost:${process.env.PORT ?? '3000'}/codec`,
    log,
    superviseEmbedded: supervision,
  });
  const children: SupervisedProcess[] = [];
  const stopAll = async () => {
    if (stopping) return;
    stopping = true;
    log('stopping…');
    await Promise.all(children.map((child) => child.stop()));
    await infrastructure.stop();
  };
  const shutdown = (code: number) => stopAll().then(() => process.exit(code));
  giveUp = (code) => void shutdown(code);
  // embedded-postgres already hooks SIGINT/SIGTERM through async-exit-hook, which exits once
  // every hook is done; registering here makes it wait for the worker, API and Temporal too.
  exitHook.forceExitTimeout(30_000);
  exitHook((done) => void stopAll().then(done));

  try {
    const { migrations, seeded } = await setupDatabase(infrastructure.databaseUrl);
    log(
      `database ready (${migrations.length} migrations applied, seeded: ${seeded.length ? seeded.join(', ') : 'nothing new'})`,
    );
    const env = {
      ...process.env,
      DATABASE_URL: infrastructure.databaseUrl,
      TEMPORAL_ADDRESS: infrastructure.temporalAddress,
      JWT_SECRET: localJwtSecret(DATA_DIR),
      PAYLOAD_KEYS: localPayloadKeys(DATA_DIR),
      // This is the development start: the console offers its demo users unless told otherwise.
      DEV_LOGIN_ENABLED: process.env.DEV_LOGIN_ENABLED ?? 'true',
    };
    for (const [name, entry] of [
      ['worker', 'worker.js'],
      ['api', 'main.js'],
    ] as const) {
      // Started again if it exits (killed, crashed), as a process manager would; the system stops only with Ctrl-C,
      // or when one keeps exiting right after its start.
      const spawn = () =>
        startProcess(name, process.execPath, [path.join(DIST_DIR, 'src', entry)], {
          env,
          stdio: 'inherit',
          cwd: PROJECT_ROOT,
        });
      children.push(new SupervisedProcess(name, spawn, supervision));
    }
    const port = process.env.PORT ?? '3000';
    log(
      `API on http://localhost:${port} (console: /console, OpenAPI: /docs, health: /health); Temporal ${infrastructure.temporalAddress}` +
        (process.env.TEMPORAL_ADDRESS ? '' : `, Web UI http://localhost:${process.env.TEMPORAL_UI_PORT ?? 8233}`),
    );
    log('mint a demo token: ./scripts/mint-token admin');
  } catch (error) {
    log(`failed: ${(error as Error)?.stack ?? String(error)}`);
    await shutdown(1);
  }
}

main().catch((error) => {
  log(`failed: ${(error as Error)?.stack ?? String(error)}`);
  process.exit(1);
});
