import { bundleWorkflowCode } from '@temporalio/worker';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { setupDatabase } from '../src/database/setup-database.js';
import { workflowBundlerOptions, WORKFLOW_INTERCEPTOR_MODULES } from '../src/engine/workflow-source.js';
import { startInfrastructure, temporalModeOf } from './lib/infrastructure.js';
import { DATA_DIR, PROJECT_ROOT, TOOLS_DIR } from './lib/project-paths.js';

const log = (line: string) => process.stderr.write(`[test] ${line}\n`);
const TEST_DATA_DIR = path.join(DATA_DIR, 'test');
const TEST_JWT_SECRET = 'test-secret-that-is-at-least-32-characters-long';
/** The test run's payload key (its engine lives only as long as the run). */
const TEST_PAYLOAD_KEYS = JSON.stringify({ test: Buffer.alloc(32, 7).toString('base64') });

/** Drops the test database so that every run starts from the migrations. */
async function dropDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = url.pathname.slice(1);
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(`drop database if exists "${name.replaceAll('"', '""')}" with (force)`);
  } finally {
    await client.end();
  }
}

async function runJest(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const jest = spawn(
    process.execPath,
    [
      '--experimental-vm-modules',
      '--no-warnings=ExperimentalWarning',
      path.join(PROJECT_ROOT, 'node_modules', 'jest', 'bin', 'jest.js'),
      ...args,
    ],
    { stdio: 'inherit', env, cwd: PROJECT_ROOT },
  );
  const [code, signal] = (await once(jest, 'exit')) as [number | null, NodeJS.Signals | null];
  return code ?? (signal ? 1 : 0);
}

/**
 * Runs Jest against the real engine and database: TEST_DATABASE_URL and
 * TEST_TEMPORAL_ADDRESS when set, else an embedded PostgreSQL and an in-memory
 * Temporal dev server that live only for this run. Arguments go to Jest.
 */
async function main(): Promise<number> {
  mkdirSync(TEST_DATA_DIR, { recursive: true });
  const infrastructure = await startInfrastructure({
    dataDir: TEST_DATA_DIR,
    toolsDir: TOOLS_DIR,
    databaseUrl: process.env.TEST_DATABASE_URL,
    databaseName: 'approvals_test',
    embeddedPostgresPort: Number(process.env.TEST_EMBEDDED_POSTGRES_PORT ?? 54330),
    temporalAddress: process.env.TEST_TEMPORAL_ADDRESS,
    temporalPort: Number(process.env.TEST_TEMPORAL_PORT ?? 7280),
    persistentTemporal: false,
    temporalMode: temporalModeOf(process.env.TEST_TEMPORAL_MODE),
    temporalDatabases: {
      main: 'approvals_test_temporal',
      visibility: 'approvals_test_temporal_visibility',
      fresh: true,
    },
    namespace: 'default',
    retentionDays: 30,
    log,
  });
  try {
    await dropDatabase(infrastructure.databaseUrl);
    await setupDatabase(infrastructure.databaseUrl);
    const { code } = await bundleWorkflowCode({
      workflowsPath: path.join(PROJECT_ROOT, 'workflows', 'index.ts'),
      workflowInterceptorModules: WORKFLOW_INTERCEPTOR_MODULES,
      ...workflowBundlerOptions,
      logger: { log() {}, trace() {}, debug() {}, info() {}, warn: log, error: log },
    });
    writeFileSync(path.join(TEST_DATA_DIR, 'workflow-bundle.js'), code);
    log(`PostgreSQL ${new URL(infrastructure.databaseUrl).host}, Temporal ${infrastructure.temporalAddress}`);
    return await runJest(process.argv.slice(2), {
      ...process.env,
      TZ: process.env.TZ ?? 'Asia/Shanghai',
      DATABASE_URL: infrastructure.databaseUrl,
      TEMPORAL_ADDRESS: infrastructure.temporalAddress,
      JWT_SECRET: TEST_JWT_SECRET,
      PAYLOAD_KEYS: process.env.PAYLOAD_KEYS ?? TEST_PAYLOAD_KEYS,
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    });
  } finally {
    await infrastructure.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    log(`failed: ${(error as Error)?.stack ?? String(error)}`);
    process.exit(1);
  },
);
