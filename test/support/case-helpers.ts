import { defaultPayloadConverter } from '@temporalio/common';
import type { temporal } from '@temporalio/proto';
import { setTimeout as sleep } from 'node:timers/promises';
import { CaseEngine } from '../../src/engine/case-engine.js';
import type { TestSystem } from './test-system.js';

export const P1 = '/cases/share-requests';

/** A Huarong conditional-share request (P1): one review by the provider, 5 working days. */
export const HUARONG_SHARE = {
  resourceId: 'hr-land-registration',
  items: ['owner'],
  purpose: '社会救助家庭经济状况核对',
  scenario: '低保申请审核',
};

export function requestShare(
  system: TestSystem,
  user: string,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
) {
  return system.http.post(P1).set(system.as(user)).set(headers).send(body);
}

/** A decision whose reply shows where the case waits next (`settled=true`); the default reply is tested on its own. */
export function complete(system: TestSystem, user: string, taskId: string, body: Record<string, unknown>) {
  return system.http
    .post(`/tasks/${encodeURIComponent(taskId)}/complete`)
    .query({ settled: true })
    .set(system.as(user))
    .send(body);
}

export function caseStatus(system: TestSystem, user: string, caseId: string) {
  return system.http.get(`/cases/${caseId}`).set(system.as(user));
}

export async function inbox(system: TestSystem, user: string, query: Record<string, string> = {}) {
  const response = await system.http.get('/tasks').query(query).set(system.as(user)).expect(200);
  return response.body.items as Array<Record<string, any>>;
}

/** Polls until `check` passes (for what happens on a timer, not in reply to a request). */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(200);
    }
  }
}

export async function sql<T = Record<string, any>>(
  system: TestSystem,
  query: string,
  params: unknown[] = [],
): Promise<T[]> {
  return (await system.orm.em.fork().getConnection().execute(query, params)) as T[];
}

/**
 * With RECORD_HISTORIES=1, saves a case's event history under test/histories/
 * for the replay tests (which then guard the workflow code's determinism).
 */
export async function recordHistory(system: TestSystem, caseId: string, name: string): Promise<void> {
  if (process.env.RECORD_HISTORIES !== '1') return;
  const { writeFile } = await import('node:fs/promises');
  const { historyToJSON } = await import('@temporalio/common/lib/proto-utils.js');
  const history = await system.client.workflow.getHandle(caseId).fetchHistory();
  await writeFile(new URL(`../histories/${name}.json`, import.meta.url), `${historyToJSON(history)}\n`);
}

export function reportError(system: TestSystem, user: string, body: Record<string, unknown>) {
  return system.http.post('/cases/corrections').set(system.as(user)).send(body);
}

export function requestExtension(system: TestSystem, user: string, taskId: string, body: Record<string, unknown>) {
  return system.http
    .post(`/tasks/${encodeURIComponent(taskId)}/extension-requests`)
    .set(system.as(user))
    .send(body);
}

export function applyOpenData(system: TestSystem, user: string, body: Record<string, unknown>) {
  return system.http.post('/cases/open-data-applications').set(system.as(user)).send(body);
}

export function taskAction(
  system: TestSystem,
  user: string,
  taskId: string,
  action: string,
  body: Record<string, unknown> = {},
) {
  return system.http
    .post(`/tasks/${encodeURIComponent(taskId)}/${action}`)
    .set(system.as(user))
    .send(body);
}

type History = temporal.api.history.v1.IHistory;

/** The case's Temporal history with its payloads decrypted, as the auditor's timeline reads it. */
export function readableHistory(system: TestSystem, caseId: string): Promise<History> {
  return system.app.get(CaseEngine).readableHistory(caseId);
}

/** The workflow's input, from a readable history's start event. */
export function startInput<T>(history: History): T {
  return defaultPayloadConverter.fromPayload<T>(
    history.events![0]!.workflowExecutionStartedEventAttributes!.input!.payloads![0]!,
  );
}

/** The types of a readable history's local activities, in the order they were recorded. */
export function localActivityTypes(history: History): string[] {
  return history
    .events!.filter((e) => e.markerRecordedEventAttributes?.markerName === 'core_local_activity')
    .map(
      (e) =>
        defaultPayloadConverter.fromPayload<{ activity_type: string }>(
          e.markerRecordedEventAttributes!.details!.data!.payloads![0]!,
        ).activity_type,
    );
}
