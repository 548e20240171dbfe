import { NestFactory } from '@nestjs/core';
import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode, DefaultLogger, NativeConnection, Worker } from '@temporalio/worker';
import { mkdirSync, openSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { createActivities } from '../activities/index.js';
import { keepAliveClient, type HttpClient } from './keep-alive-client.js';
import { startProcess, type ManagedProcess } from '../scripts/lib/child-process.js';
import { DIST_DIR, PROJECT_ROOT } from '../scripts/lib/project-paths.js';
import { waitFor } from '../scripts/lib/wait-for.js';
import { configureApp } from '../src/app-setup.js';
import { AppModule } from '../src/app.module.js';
import { ExpressServerAdapter } from '../src/common/http/express-server.js';
import type { AppConfig } from '../src/config/app-config.js';
import { repositoriesOf } from '../src/database/repositories.js';
import { createWorker } from '../src/engine/create-worker.js';
import { dataConverterOf } from '../src/engine/data-converter.js';
import type { FloorActivities } from './floor-store.js';
import { WORKFLOW_INTERCEPTOR_MODULES, workflowBundlerOptions } from '../src/engine/workflow-source.js';

/** What the benchmark drives: the API over HTTP, a Temporal client, and the queue the bare baselines run on. */
export interface SystemUnderTest {
  http: HttpClient;
  client: Client;
  bareQueue: string;
  describe: string;
  stop(): Promise<void>;
}

export type BenchProcesses = 'separate' | 'one';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The baselines (and, in one process, the real workflows) bundled for a worker of the bench's own. */
async function baselineBundle(withInterceptors: boolean): Promise<string> {
  const { code } = await bundleWorkflowCode({
    workflowsPath: path.join(PROJECT_ROOT, 'bench', 'baseline-workflows.ts'),
    ...(withInterceptors ? { workflowInterceptorModules: WORKFLOW_INTERCEPTOR_MODULES } : {}),
    ...workflowBundlerOptions,
    logger: new DefaultLogger('WARN'),
  });
  return code;
}

/**
 * `separate`: as in production, the API (dist/src/main.js) and the worker (dist/src/worker.js) are processes of
 * their own, and the bench's process holds only the clients and a bare worker for the baselines, on its own queue.
 * `one`: the API, the worker of the real workflows and the baselines share the bench's process (the earlier shape).
 */
export async function startSystemUnderTest(
  mode: BenchProcesses,
  config: AppConfig,
  env: Record<string, string>,
  floorActivities: FloorActivities,
): Promise<SystemUnderTest> {
  const connection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS });
  if (mode === 'one') {
    const app = configureApp(
      await NestFactory.create(AppModule.forRoot(config), new ExpressServerAdapter(), { bufferLogs: true }),
    );
    await app.listen(0, '127.0.0.1');
    const worker = await createWorker({
      connection,
      config,
      activities: { ...createActivities(repositoriesOf(app)), ...floorActivities },
      options: { workflowBundle: { code: await baselineBundle(true) } },
    });
    const running = worker.run();
    return {
      http: keepAliveClient(app.getHttpServer()),
      client: app.get(Client),
      bareQueue: config.TEMPORAL_TASK_QUEUE,
      describe: 'one process: API, worker and baselines',
      async stop() {
        worker.shutdown();
        await running;
        await connection.close();
        await app.close();
      },
    };
  }

  const port = await freePort();
  const childEnv = { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', WORKER_METRICS_ADDRESS: '' };
  const children: ManagedProcess[] = [];
  // BENCH_CPU_PROFILE_DIR: each child (and each of its threads) writes a V8 CPU profile there when it stops.
  const profileDir = process.env.BENCH_CPU_PROFILE_DIR;
  const profiling = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  // BENCH_LOG_DIR: each child's log (its stdout) goes to <name>.log there, to see afterwards what a run met.
  const logDir = process.env.BENCH_LOG_DIR;
  if (logDir) mkdirSync(logDir, { recursive: true });
  const logOf = (name: string) => (logDir ? openSync(path.join(logDir, `${name}.log`), 'a') : 'ignore');
  for (const [name, entry] of [
    ['worker', 'worker.js'],
    ['api', 'main.js'],
  ] as const) {
    children.push(
      startProcess(name, process.execPath, [...profiling, path.join(DIST_DIR, 'src', entry)], {
        env: childEnv,
        stdio: ['ignore', logOf(name), 'inherit'],
        cwd: PROJECT_ROOT,
      }),
    );
  }
  const base = `http://127.0.0.1:${port}`;
  await waitFor(
    'the API',
    async () => {
      const response = await fetch(`${base}/health`);
      if (!response.ok) throw new Error(`health ${response.status}`);
    },
    60_000,
  );
  const bareQueue = `${config.TEMPORAL_TASK_QUEUE}-bare`;
  const bare = await Worker.create({
    connection,
    taskQueue: bareQueue,
    workflowBundle: { code: await baselineBundle(false) },
    activities: floorActivities,
  });
  const running = bare.run();
  const clientConnection = await Connection.connect({ address: config.TEMPORAL_ADDRESS });
  const client = new Client({
    connection: clientConnection,
    namespace: config.TEMPORAL_NAMESPACE,
    dataConverter: dataConverterOf(config),
  });
  return {
    http: keepAliveClient(base),
    client,
    bareQueue,
    describe: 'separate processes: API, worker, and the bench with a bare worker',
    async stop() {
      bare.shutdown();
      await running;
      await clientConnection.close();
      await connection.close();
      await Promise.all(children.map((c) => c.stop()));
    },
  };
}
