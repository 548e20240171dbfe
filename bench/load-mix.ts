import { setTimeout as sleep } from 'node:timers/promises';
import type request from 'supertest';
import { summarize } from './stats.js';

export const LOAD_OPERATIONS = ['create', 'inbox', 'decide', 'status'] as const;
type Operation = (typeof LOAD_OPERATIONS)[number];

export interface OperationFigures {
  /** The answers served as asked (201 or 202 for a create, 200 otherwise). */
  latency: ReturnType<typeof summarize>;
  /** Every answer, the shed ones included. */
  answered: ReturnType<typeof summarize>;
  /** Answers that were neither what the operation expects nor a shed 503. */
  errors: number;
  /** 503 + Retry-After: the API shed the request instead of queueing it. */
  shed: number;
  /** Creates answered 202: the case started, its first step not yet reached when the answer was due. */
  pending: number;
  /** An example of each unexpected status, to say what went wrong. */
  unexpected: Record<number, string>;
}

export interface LoadFigures {
  clients: number;
  seconds: number;
  perSecond: number;
  operations: Record<Operation, OperationFigures>;
}

interface Tokens {
  applicant: string;
  reviewer: string;
}

/**
 * `clients` concurrent users for `seconds`, each going round create → inbox → decide → status, as the day's traffic
 * would: applicants file and read their cases, the reviewer reads the inbox and decides the cases filed. A shed start
 * (503) is retried after its Retry-After, as a well-behaved client does; anything else unexpected is an error.
 */
export async function measureLoad(
  http: ReturnType<typeof request>,
  body: object,
  tokens: Tokens,
  clients: number,
  seconds: number,
): Promise<LoadFigures> {
  const samples = Object.fromEntries(LOAD_OPERATIONS.map((op) => [op, [] as number[]])) as Record<Operation, number[]>;
  const served = Object.fromEntries(LOAD_OPERATIONS.map((op) => [op, [] as number[]])) as Record<Operation, number[]>;
  const figures = Object.fromEntries(
    LOAD_OPERATIONS.map((op) => [op, { errors: 0, shed: 0, pending: 0, unexpected: {} as Record<number, string> }]),
  ) as Record<Operation, Omit<OperationFigures, 'latency'>>;
  const applicant = { Authorization: `Bearer ${tokens.applicant}` };
  const reviewer = { Authorization: `Bearer ${tokens.reviewer}` };
  const openTasks: string[] = [];
  const cases: string[] = [];
  /** Cases answered 202: their task is found from their status. */
  const awaitingTask: string[] = [];
  const end = performance.now() + seconds * 1000;

  /** Times one call; the response when it answered one of `expected`. A 503 waits out its Retry-After. */
  async function timed(op: Operation, expected: number[], call: () => request.Test): Promise<request.Response | null> {
    const t0 = performance.now();
    const response = await call();
    const ms = performance.now() - t0;
    samples[op].push(ms);
    if (expected.includes(response.status)) {
      served[op].push(ms);
      return response;
    }
    if (response.status === 503 && response.headers['retry-after']) {
      figures[op].shed += 1;
      await sleep(Number(response.headers['retry-after']) * 1000);
    } else {
      figures[op].errors += 1;
      figures[op].unexpected[response.status] ??= JSON.stringify(response.body).slice(0, 200);
    }
    return null;
  }

  async function user(): Promise<void> {
    while (performance.now() < end) {
      const created = await timed('create', [201, 202], () =>
        http.post('/cases/share-requests').set(applicant).send(body),
      );
      if (created) {
        cases.push(created.body.caseId);
        if (created.status === 202) {
          figures.create.pending += 1;
          awaitingTask.push(created.body.caseId);
        } else openTasks.push(created.body.steps[0].taskId);
      }
      await timed('inbox', [200], () => http.get('/tasks').set(reviewer));
      const taskId = openTasks.shift();
      if (taskId) {
        await timed('decide', [200], () =>
          http.post(`/tasks/${taskId}/complete`).set(reviewer).send({ decision: 'approve' }),
        );
      }
      // The applicant of a case answered 202 follows it by its status, which shows the first step once it is there.
      const awaiting = awaitingTask.shift();
      const caseId = awaiting ?? cases[Math.floor(Math.random() * cases.length)];
      const status = caseId ? await timed('status', [200], () => http.get(`/cases/${caseId}`).set(applicant)) : null;
      if (awaiting) {
        const step = status?.body.steps?.[0];
        if (step) openTasks.push(step.taskId);
        else awaitingTask.push(awaiting);
      }
    }
  }

  const started = performance.now();
  await Promise.all(Array.from({ length: clients }, () => user()));
  const elapsed = (performance.now() - started) / 1000;
  const total = LOAD_OPERATIONS.reduce((n, op) => n + samples[op].length, 0);
  return {
    clients,
    seconds: elapsed,
    perSecond: total / elapsed,
    operations: Object.fromEntries(
      LOAD_OPERATIONS.map((op) => [
        op,
        { ...figures[op], latency: summarize(served[op]), answered: summarize(samples[op]) },
      ]),
    ) as Record<Operation, OperationFigures>,
  };
}
