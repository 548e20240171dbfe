import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Client } from '@temporalio/client';
import {
  DefaultLogger,
  GracefulShutdownPeriodExpiredError,
  NativeConnection,
  Runtime,
  type Worker,
} from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createActivities } from '../../activities/index.js';
import type { DeadlineCalendar } from '../../src/calendar/deadline-calendar.js';
import { DEADLINE_CALENDAR } from '../../src/calendar/deadline-calendar.provider.js';
import { repositoriesOf, type Repositories } from '../../src/database/repositories.js';
import { configureApp } from '../../src/app-setup.js';
import { AppModule } from '../../src/app.module.js';
import { ExpressServerAdapter } from '../../src/common/http/express-server.js';
import { DEMO_USERS, findDemoUser } from '../../src/auth/demo-users.js';
import { mintToken } from '../../src/auth/token-minter.js';
import { Clock } from '../../src/common/clock.js';
import { AppConfig, loadConfig } from '../../src/config/app-config.js';
import { createWorker } from '../../src/engine/create-worker.js';
import type { TraceExport } from '../../src/tracing/tracing.js';
import type { Actor } from '../../workflows/contracts/actor.js';
import { requireTestInfrastructure, TEST_WORKFLOW_BUNDLE } from './test-environment.js';

export interface TestSystem {
  app: INestApplication;
  http: ReturnType<typeof request>;
  client: Client;
  orm: MikroORM;
  config: AppConfig;
  /** A bearer header for a demo user id or an ad-hoc actor. */
  auth(user: string | Actor): Promise<{ Authorization: string }>;
  /** The bearer header of a demo user, minted at start. */
  as(userId: string): { Authorization: string };
  /** Starts a (new) worker for this system's task queue. */
  startWorker(): Promise<void>;
  stopWorker(): Promise<void>;
  close(): Promise<void>;
}

export interface TestSystemOptions {
  /** An injected calendar (e.g. seconds instead of working days), or one built on the system's database; defaults to PostgreSQL's. */
  calendar?: DeadlineCalendar | ((orm: MikroORM) => DeadlineCalendar);
  /** Configuration for this system only (e.g. a low START_CONCURRENCY). */
  env?: Record<string, string>;
  /** Where the worker exports workflow spans (the tracing test's in-memory exporter). */
  traceExport?: TraceExport;
  /** The API's clock (e.g. set to a day when an older pack was in force). */
  clock?: Clock;
  /** Start without a worker (tests that start one themselves). */
  withoutWorker?: boolean;
  /** Another Temporal frontend than the run's (an engine the test restarts itself). */
  temporalAddress?: string;
  /** Another PostgreSQL URL than the run's (the same database behind a proxy the test can cut). */
  databaseUrl?: string;
  /** Repositories the worker's activities use instead of the real ones (to inject a failure). */
  repositoryOverrides?: Partial<Repositories>;
}

function quietTemporalRuntime(): void {
  try {
    Runtime.install({ logger: new DefaultLogger('WARN') });
  } catch {
    // Already installed by an earlier test file in this process.
  }
}

/**
 * The API (in-process Nest app on an ephemeral port) and a worker on a task
 * queue of its own, against the real Temporal server and PostgreSQL of the run.
 */
export async function startTestSystem(options: TestSystemOptions = {}): Promise<TestSystem> {
  requireTestInfrastructure();
  quietTemporalRuntime();
  const config = loadConfig({
    ...process.env,
    TEMPORAL_TASK_QUEUE: `test-${randomUUID()}`,
    // The test systems share one database: each archive test runs its archiver by hand.
    ARCHIVER_ENABLED: 'false',
    // Tests fire bursts of starts on a shared, busy machine; shedding by start time is tested on its own.
    START_LATENCY_TARGET_MS: '0',
    ...(options.temporalAddress ? { TEMPORAL_ADDRESS: options.temporalAddress } : {}),
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
    ...options.env,
  });
  const calendar = options.calendar;
  const testing = Test.createTestingModule({ imports: [AppModule.forRoot(config)] })
    .overrideProvider(Clock)
    .useValue(options.clock ?? new Clock());
  // The API plans first steps on the calendar the worker counts on.
  if (calendar) {
    testing.overrideProvider(DEADLINE_CALENDAR).useFactory({
      factory: (orm: MikroORM) => (typeof calendar === 'function' ? calendar(orm) : calendar),
      inject: [MikroORM],
    });
  }
  const moduleRef = await testing.compile();
  const app = configureApp(moduleRef.createNestApplication(new ExpressServerAdapter(), { bufferLogs: true }));
  await app.listen(0, '127.0.0.1');
  const orm = app.get<MikroORM>(MikroORM);
  const client = app.get(Client);
  const connection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS });
  const mint = (actor: Actor) =>
    mintToken(actor, { secret: config.JWT_SECRET!, issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE });
  const demoTokens = new Map(await Promise.all(DEMO_USERS.map(async (user) => [user.id, await mint(user)] as const)));
  let worker: Worker | undefined;
  let running: Promise<void> | undefined;

  const system: TestSystem = {
    app,
    http: request(app.getHttpServer()),
    client,
    orm,
    config,
    async auth(user) {
      const actor = typeof user === 'string' ? findDemoUser(user) : user;
      if (!actor) throw new Error(`no demo user ${String(user)}`);
      return { Authorization: `Bearer ${await mint(actor)}` };
    },
    as(userId) {
      const token = demoTokens.get(userId);
      if (!token) throw new Error(`no demo user ${userId}`);
      return { Authorization: `Bearer ${token}` };
    },
    async startWorker() {
      worker = await createWorker({
        connection,
        config,
        traceExport: options.traceExport,
        activities: createActivities({
          ...repositoriesOf(app),
          ...options.repositoryOverrides,
          // The injected calendar, as the API has it; else the worker's own PostgreSQL calendar, as in production.
          calendar: calendar ? app.get<DeadlineCalendar>(DEADLINE_CALENDAR) : undefined,
        }),
        options: {
          workflowBundle: { codePath: TEST_WORKFLOW_BUNDLE },
          shutdownGraceTime: '2s',
          shutdownForceTime: '10s',
        },
      });
      running = worker.run();
    },
    async stopWorker() {
      if (worker && worker.getState() === 'RUNNING') worker.shutdown();
      // A forced shutdown (an activity stuck past shutdownForceTime) rejects run(); the worker is gone either way.
      await running?.catch((error: unknown) => {
        if (!(error instanceof GracefulShutdownPeriodExpiredError)) throw error;
      });
      worker = undefined;
      running = undefined;
    },
    async close() {
      // Each part gets a bounded time: a part that hangs (seen only on a loaded CI machine after the database
      // outage test) is named in the log, and the rest still closes; --forceExit ends what is left.
      const step = async (name: string, work: () => Promise<void>) => {
        const t0 = Date.now();
        let timer: NodeJS.Timeout | undefined;
        const limit = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), 25_000)));
        const outcome = await Promise.race([work().then(() => 'done' as const), limit]);
        clearTimeout(timer);
        if (outcome === 'late') process.stderr.write(`[teardown] ${name} did not close within 25 s; going on\n`);
        else if (Date.now() - t0 > 5_000) process.stderr.write(`[teardown] ${name} took ${Date.now() - t0} ms\n`);
      };
      await step('worker', () => system.stopWorker());
      await step('engine connection', () => connection.close());
      await step('app', () => app.close());
    },
  };
  if (!options.withoutWorker) await system.startWorker();
  return system;
}
