import 'reflect-metadata';
import { WithStartWorkflowOperation } from '@temporalio/client';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import type request from 'supertest';
import { startInfrastructure, temporalModeOf } from '../scripts/lib/infrastructure.js';
import { DATA_DIR, TOOLS_DIR } from '../scripts/lib/project-paths.js';
import { findDemoUser } from '../src/auth/demo-users.js';
import { decideUpdate } from '../workflows/contracts/case-messages.js';
import { mintToken } from '../src/auth/token-minter.js';
import { loadConfig } from '../src/config/app-config.js';
import { setupDatabase } from '../src/database/setup-database.js';
import { countQuery, firstStepUpdate, pingUpdate, stopUpdate } from './baseline-workflows.js';
import { startDecisionFloor } from './decision-floor.js';
import { openFloorStore } from './floor-store.js';
import { keepAliveClient, type HttpClient } from './keep-alive-client.js';
import { LIST_USERS, measureListsAt, type ListFigures } from './list-scale.js';
import { LOAD_OPERATIONS, measureLoad } from './load-mix.js';
import { measureRecomputeAt } from './recompute-scale.js';
import { runConcurrently, summarize } from './stats.js';
import { startSystemUnderTest, type BenchProcesses } from './system-under-test.js';

const STARTS = Number(process.env.BENCH_STARTS ?? 200);
const DECISIONS = Number(process.env.BENCH_DECISIONS ?? 100);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 10);
const SPACED_DECISIONS = Number(process.env.BENCH_SPACED_DECISIONS ?? 50);
const DECISION_GAP_MS = Number(process.env.BENCH_DECISION_GAP_MS ?? 300);
const log = (line: string) => process.stdout.write(`${line}\n`);
const SHARE = { resourceId: 'hr-land-registration', items: ['unit-no'], purpose: '基准测试', scenario: '基准测试' };

/**
 * P1 through the whole system (HTTP → API → Temporal → worker → PostgreSQL)
 * against bare Temporal on the same dev server, worker and process.
 */
async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const dataDir = path.join(DATA_DIR, 'bench');
  const infrastructure = await startInfrastructure({
    dataDir,
    toolsDir: TOOLS_DIR,
    databaseUrl: process.env.BENCH_DATABASE_URL,
    databaseName: 'approvals_bench',
    embeddedPostgresPort: 54340,
    temporalAddress: process.env.BENCH_TEMPORAL_ADDRESS,
    temporalPort: 7380,
    persistentTemporal: false,
    temporalMode: temporalModeOf(process.env.BENCH_TEMPORAL_MODE),
    temporalDatabases: {
      main: 'approvals_bench_temporal',
      visibility: 'approvals_bench_temporal_visibility',
      fresh: true,
    },
    namespace: 'default',
    retentionDays: 30,
    log,
  });
  try {
    const admin = new pg.Client({
      connectionString: infrastructure.databaseUrl.replace(/\/approvals_bench$/, '/postgres'),
    });
    await admin.connect();
    await admin.query('drop database if exists approvals_bench with (force)');
    await admin.end();
    await setupDatabase(infrastructure.databaseUrl);
    const env = {
      DATABASE_URL: infrastructure.databaseUrl,
      TEMPORAL_ADDRESS: infrastructure.temporalAddress,
      JWT_SECRET: 'bench-secret-that-is-at-least-32-characters',
      // With BENCH_LOG_DIR, what went wrong; never each request's line, which would cost the run its own time.
      LOG_LEVEL: process.env.BENCH_LOG_DIR ? 'warn' : 'silent',
      TEMPORAL_TASK_QUEUE: `bench-${randomUUID()}`,
    };
    const config = loadConfig({ ...process.env, ...env });
    const mode: BenchProcesses = process.env.BENCH_PROCESSES === 'one' ? 'one' : 'separate';
    const floor = await openFloorStore(infrastructure.databaseUrl);
    const sut = await startSystemUnderTest(mode, config, env, floor.activities);
    const { http, client, bareQueue } = sut;
    const token = (id: string) =>
      mintToken(findDemoUser(id)!, {
        secret: config.JWT_SECRET!,
        issuer: config.JWT_ISSUER,
        audience: config.JWT_AUDIENCE,
      });
    const applicant = { Authorization: `Bearer ${await token('hr-civil-xu')}` };
    const reviewer = { Authorization: `Bearer ${await token('hr-land-ma')}` };
    const taskQueue = bareQueue;

    // Warm up every path so bundling, connections and JIT do not count.
    const warmNoop = await client.workflow.start('noopUpdateWorkflow', {
      taskQueue,
      workflowId: `warm-${randomUUID()}`,
    });
    for (let i = 0; i < 10; i += 1) {
      const warm = await http.post('/cases/share-requests').set(applicant).send(SHARE).expect(201);
      await http
        .post(`/tasks/${warm.body.steps[0].taskId}/complete`)
        .set(reviewer)
        .send({ decision: 'approve' })
        .expect(200);
      await client.workflow.start('emptyWorkflow', { taskQueue, workflowId: `warm-${randomUUID()}` });
      await warmNoop.executeUpdate(pingUpdate, { args: [i] });
    }
    await warmNoop.executeUpdate(stopUpdate);

    // (a) starts per second at the same concurrency.
    // A start the API sheds (503, saturated) is retried after its Retry-After, as a client does, and counted.
    let shedStarts = 0;
    const startCase = async (prefer?: string): Promise<request.Response> => {
      for (;;) {
        const call = http.post('/cases/share-requests').set(applicant);
        const response = await (prefer ? call.set('Prefer', prefer) : call).send(SHARE);
        if (response.status !== 503) return response;
        shedStarts += 1;
        await sleep(Number(response.headers['retry-after'] ?? 1) * 1000);
      }
    };
    // A start answered 202 (its first step not there by the latency target) is followed by its status until the
    // step shows, as its applicant would: the time to the first step is what is counted, and how many there were.
    let receivedStarts = 0;
    const firstStepOf = async (response: request.Response): Promise<string> => {
      if (response.status === 201) return response.body.steps[0].taskId;
      if (response.status !== 202) throw new Error(`start answered ${response.status}: ${response.text}`);
      receivedStarts += 1;
      for (;;) {
        const status = await http.get(`/cases/${response.body.caseId}`).set(applicant).expect(200);
        if (status.body.steps?.[0]) return status.body.steps[0].taskId;
        await sleep(20);
      }
    };
    const taskIds: string[] = [];
    const apiMs = await runConcurrently(STARTS, CONCURRENCY, async () => {
      taskIds.push(await firstStepOf(await startCase()));
    });
    const emptyRuns: Array<Promise<void>> = [];
    const bareMs = await runConcurrently(STARTS, CONCURRENCY, async () => {
      const handle = await client.workflow.start('emptyWorkflow', { taskQueue, workflowId: `empty-${randomUUID()}` });
      emptyRuns.push(handle.result());
    });
    // The empty workflows run after their starts returned: let them finish so they do not slow what is measured next.
    await Promise.all(emptyRuns);
    // The floor of a start answered with its first step, in bare Temporal and PostgreSQL: update-with-start on a
    // workflow whose update waits for one local activity writing one row. What the API does above it is its own.
    const floorMs = await runConcurrently(STARTS, CONCURRENCY, async () => {
      const startWorkflowOperation = new WithStartWorkflowOperation('firstStepFloorWorkflow', {
        taskQueue,
        workflowId: `floor-${randomUUID()}`,
        workflowIdConflictPolicy: 'FAIL',
      });
      await client.workflow.executeUpdateWithStart(firstStepUpdate, { startWorkflowOperation });
    });
    const apiRate = (STARTS / apiMs) * 1000;
    const bareRate = (STARTS / bareMs) * 1000;
    const floorRate = (STARTS / floorMs) * 1000;

    // One request at a time, each timed; `gapMs` apart.
    const timed = async (ids: string[], call: (id: string, i: number) => Promise<unknown>, gapMs = 0) => {
      const ms: number[] = [];
      for (const [i, id] of ids.entries()) {
        if (gapMs > 0 && i > 0) await sleep(gapMs);
        const t0 = performance.now();
        await call(id, i);
        ms.push(performance.now() - t0);
      }
      return summarize(ms);
    };
    // The reviewer approves, through the API or through a floor's route of the same shape.
    const decideThrough = (via: HttpClient) => (taskId: string) =>
      via.post(`/tasks/${taskId}/complete`).set(reviewer).send({ decision: 'approve' }).expect(200);
    const decide = decideThrough(http);

    // (b) decision latency, one decision right after the other.
    const decided = taskIds.slice(0, DECISIONS);
    const api = await timed(decided, decide);
    const noop = await client.workflow.start('noopUpdateWorkflow', { taskQueue, workflowId: `noop-${randomUUID()}` });
    const ping = (_: string, i: number) => noop.executeUpdate(pingUpdate, { args: [i] });
    const bare = await timed(decided, ping);
    // Its floor over HTTP: bare Node, Temporal and PostgreSQL doing only what a decision must (bench/decision-floor.ts).
    const reviewerActor = findDemoUser('hr-land-ma')!;
    const reviewerDepartment = reviewerActor.department;
    for (const id of decided) await floor.recordTask(id, reviewerDepartment);
    let floorPings = 0;
    const floorServer = await startDecisionFloor(floor, config.JWT_SECRET!, () =>
      noop.executeUpdate(pingUpdate, { args: [(floorPings += 1)] }),
    );
    const floorDecision = await timed(decided, decideThrough(keepAliveClient(floorServer.url)));

    // (c) status reads, one at a time: closed cases (from their row), open ones (the workflow's query), a bare query.
    const caseOf = (taskId: string) => taskId.slice(0, taskId.lastIndexOf('.'));
    const statusOf = (caseId: string) => http.get(`/cases/${caseId}`).set(applicant).expect(200);
    const closedStatus = await timed(decided.map(caseOf), statusOf);
    const openStatus = await timed(taskIds.slice(DECISIONS, DECISIONS * 2).map(caseOf), statusOf);
    const bareQuery = await timed(decided, () => noop.query(countQuery));

    // (d) decisions spaced out, as reviewers make them: a case's own work after its decision (closing the task, the
    // grant, the case row) is done before the next decision, which (b) measures together with it.
    const spacedIds = taskIds.slice(DECISIONS, DECISIONS + SPACED_DECISIONS);
    const spaced = await timed(spacedIds, decide, DECISION_GAP_MS);
    const spacedBare = await timed(spacedIds, ping, DECISION_GAP_MS);

    // The same floor sending real cases their decision (the case workflow's own update): what of the API's time
    // above the floor is the case's workflow, and what the API's own. Cases not used above, as many as there are.
    const floorCaseIds = taskIds.slice(DECISIONS + SPACED_DECISIONS, 2 * DECISIONS + SPACED_DECISIONS);
    for (const id of floorCaseIds) await floor.recordTask(id, reviewerDepartment);
    const realFloorServer = await startDecisionFloor(floor, config.JWT_SECRET!, (taskId, decision) =>
      client.workflow
        .getHandle(caseOf(taskId))
        .executeUpdate(decideUpdate, { args: [{ taskId, actor: reviewerActor, decision, settle: false }] }),
    );
    const realFloorDecision = await timed(floorCaseIds, decideThrough(keepAliveClient(realFloorServer.url)));
    await Promise.all([floorServer.close(), realFloorServer.close()]);
    await noop.executeUpdate(stopUpdate);

    // Measured last: these workflows run their first step after the reply, which would disturb the rest.
    const asyncMs = await runConcurrently(STARTS, CONCURRENCY, async () => {
      const response = await startCase('respond-async');
      if (response.status !== 202) throw new Error(`start answered ${response.status}: ${response.text}`);
    });
    // Its floor: one row written, then the bare start of that workflow, which writes its first step after the reply.
    const floorRuns: Array<Promise<void>> = [];
    const floorAsyncMs = await runConcurrently(STARTS, CONCURRENCY, async () => {
      const workflowId = `floor-async-${randomUUID()}`;
      await floor.recordCase(workflowId);
      floorRuns.push((await client.workflow.start('firstStepFloorWorkflow', { taskQueue, workflowId })).result());
    });
    await Promise.all(floorRuns);
    const asyncRate = (STARTS / asyncMs) * 1000;
    const floorAsyncRate = (STARTS / floorAsyncMs) * 1000;

    const f = (n: number) => n.toFixed(1);
    log('');
    log(
      `P1 benchmark (${STARTS} starts at concurrency ${CONCURRENCY}, ${DECISIONS} sequential decisions; ${sut.describe}; one Temporal server)`,
    );
    log(
      `  starts/s   API, reply with the first step ${f(apiRate)}   API, Prefer: respond-async ${f(asyncRate)}   bare client.workflow.start ${f(bareRate)}   (shed and retried: ${shedStarts}; answered 202 and followed to the first step: ${receivedStarts})`,
    );
    log(
      `  floors     bare Temporal and PostgreSQL: update-with-start answered after one local activity's INSERT ${f(floorRate)}/s (${(floorRate / bareRate).toFixed(2)} of bare starts)   one INSERT, then start ${f(floorAsyncRate)}/s (${(floorAsyncRate / bareRate).toFixed(2)})`,
    );
    log(
      `  floors     a decision over bare node:http, Temporal and PostgreSQL (token, task read, update, task closed): p50 ${f(floorDecision.p50)} ms p99 ${f(floorDecision.p99)} ms (${(floorDecision.p50 / bare.p50).toFixed(2)} and ${(floorDecision.p99 / bare.p99).toFixed(2)} of the bare update)`,
    );
    log(
      `  floors     the same, deciding real cases (their workflow's decide update; ${realFloorDecision.n}): p50 ${f(realFloorDecision.p50)} ms p99 ${f(realFloorDecision.p99)} ms (${(realFloorDecision.p50 / bare.p50).toFixed(2)} and ${(realFloorDecision.p99 / bare.p99).toFixed(2)} of the bare update)`,
    );
    log(
      `  decision   API p50 ${f(api.p50)} ms p99 ${f(api.p99)} ms max ${f(api.max)} ms   bare executeUpdate p50 ${f(bare.p50)} ms p99 ${f(bare.p99)} ms max ${f(bare.max)} ms`,
    );
    log(
      `  decision   one every ${DECISION_GAP_MS} ms (${spaced.n}): API p50 ${f(spaced.p50)} ms p99 ${f(spaced.p99)} ms   bare executeUpdate p50 ${f(spacedBare.p50)} ms p99 ${f(spacedBare.p99)} ms   ratio p50 ${(spaced.p50 / spacedBare.p50).toFixed(2)} p99 ${(spaced.p99 / spacedBare.p99).toFixed(2)}`,
    );
    log(
      `  status     closed p50 ${f(closedStatus.p50)} ms p99 ${f(closedStatus.p99)} ms   open p50 ${f(openStatus.p50)} ms p99 ${f(openStatus.p99)} ms   bare query p50 ${f(bareQuery.p50)} ms p99 ${f(bareQuery.p99)} ms`,
    );
    log(
      `  ratios     status open/bare p50 ${(openStatus.p50 / bareQuery.p50).toFixed(2)} p99 ${(openStatus.p99 / bareQuery.p99).toFixed(2)} (target <= 1.5); closed p99 ${f(closedStatus.p99)} ms (target <= 10)`,
    );
    log(
      `  ratios     starts ${(apiRate / bareRate).toFixed(2)} (target >= 0.5)   respond-async ${(asyncRate / bareRate).toFixed(2)} (target >= 0.8)   decision p50 ${(api.p50 / bare.p50).toFixed(2)} p99 ${(api.p99 / bare.p99).toFixed(2)} (target <= 1.5)`,
    );
    log(
      `  ratios     against the floors: starts ${(apiRate / floorRate).toFixed(2)}   respond-async ${(asyncRate / floorAsyncRate).toFixed(2)}   decision p50 ${(api.p50 / floorDecision.p50).toFixed(2)} p99 ${(api.p99 / floorDecision.p99).toFixed(2)}`,
    );

    // Many users at once: create, inbox, decide and status for BENCH_LOAD_SECONDS, BENCH_LOAD_CLIENTS at a time.
    const loadSeconds = Number(process.env.BENCH_LOAD_SECONDS ?? 60);
    if (loadSeconds > 0) {
      const clients = Number(process.env.BENCH_LOAD_CLIENTS ?? 200);
      const load = await measureLoad(
        http,
        SHARE,
        { applicant: await token('hr-civil-xu'), reviewer: await token('hr-land-ma') },
        clients,
        loadSeconds,
      );
      log(
        `  load       ${load.clients} clients for ${load.seconds.toFixed(0)} s: ${f(load.perSecond)} requests/s (START_CONCURRENCY ${config.START_CONCURRENCY}, START_LATENCY_TARGET_MS ${config.START_LATENCY_TARGET_MS}, START_SATURATED_CONCURRENCY ${config.START_SATURATED_CONCURRENCY}, START_QUEUE_LIMIT_MS ${config.START_QUEUE_LIMIT_MS})`,
      );
      for (const op of LOAD_OPERATIONS) {
        const o = load.operations[op];
        log(
          `  load       ${op.padEnd(7)} served ${o.latency.n} p50 ${f(o.latency.p50)} ms p99 ${f(o.latency.p99)} ms max ${f(o.latency.max)} ms   shed (503) ${o.shed}${op === 'create' ? `   answered 202 (first step pending) ${o.pending}` : ''}   every answer p99 ${f(o.answered.p99)} ms   errors ${o.errors}${o.errors ? `   e.g. ${JSON.stringify(o.unexpected)}` : ''}`,
        );
      }
      log(`  targets    load: 0 errors, create p99 <= 1000 ms`);
    }

    // Lists at scale: the first page of each list as the tables grow (seeded with generate_series).
    const sizes = (process.env.BENCH_LIST_SIZES ?? '100000,1000000')
      .split(',')
      .map(Number)
      .filter((n) => n > 0);
    if (sizes.length > 0) {
      const db = new pg.Client({ connectionString: infrastructure.databaseUrl });
      await db.connect();
      const listTokens = {
        department: await token(LIST_USERS.department),
        applicant: await token(LIST_USERS.applicant),
        auditor: await token(LIST_USERS.auditor),
      };
      const figures: ListFigures[] = [];
      let seeded = 0;
      for (const size of sizes) {
        const t0 = performance.now();
        figures.push(await measureListsAt(db, seeded, size, http, listTokens));
        log(
          `  lists      ${size} cases and tasks seeded and read in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
        );
        seeded = size;
      }
      await db.end();
      for (const l of figures) {
        log(
          `  lists @${l.rows}   department p50 ${f(l.department.p50)} p99 ${f(l.department.p99)} ms   applicant p50 ${f(l.applicant.p50)} p99 ${f(l.applicant.p99)} ms   auditor p50 ${f(l.auditor.p50)} p99 ${f(l.auditor.p99)} ms   inbox p50 ${f(l.inbox.p50)} p99 ${f(l.inbox.p99)} ms`,
        );
      }
      if (figures.length > 1) {
        const [small, large] = [figures[0], figures.at(-1)!];
        const ratio = (k: 'department' | 'applicant' | 'auditor' | 'inbox') => (large[k].p99 / small[k].p99).toFixed(2);
        log(
          `  ratios     lists p99 @${large.rows} / @${small.rows}: department ${ratio('department')} applicant ${ratio('applicant')} auditor ${ratio('auditor')} inbox ${ratio('inbox')} (target <= 1.3)`,
        );
      }
    }

    // Loading a year with many open cases: paced batches of signals, the inbox read meanwhile.
    const recomputeCases = Number(process.env.BENCH_RECOMPUTE_CASES ?? 100_000);
    if (recomputeCases > 0) {
      const db = new pg.Client({ connectionString: infrastructure.databaseUrl });
      await db.connect();
      const r = await measureRecomputeAt(db, recomputeCases, http, client, {
        admin: await token('admin'),
        reviewer: await token('hr-land-ma'),
      });
      await db.end();
      log(
        `  recompute  ${r.seeded} seeded open cases: ${r.seconds.toFixed(1)} s in ${r.runs} runs, ${r.signalled} signalled, ${r.closed} not found; batches of ${config.RECOMPUTE_BATCH_SIZE} every ${config.RECOMPUTE_PAUSE_MS} ms`,
      );
      log(
        `  recompute  inbox meanwhile p50 ${f(r.inbox.p50)} ms p99 ${f(r.inbox.p99)} ms max ${f(r.inbox.max)} ms (${r.inbox.n} reads)`,
      );
    }

    await sut.stop();
    await floor.close();
  } finally {
    await infrastructure.stop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`[bench] failed: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exit(1);
  },
);
