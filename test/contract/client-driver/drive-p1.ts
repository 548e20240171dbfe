// Drives a whole P1 case through the client generated from the API's OpenAPI
// document. It is type-checked with `tsc --strict` against that client: a
// response typed `unknown` makes the property reads below fail to compile.
import { client } from './generated/client.gen.js';
import {
  auditHistory,
  casesCreateShareRequest,
  casesGet,
  casesList,
  grantsList,
  tasksClaim,
  tasksComplete,
  tasksList,
} from './generated/sdk.gen.js';
import type { CaseStatusDto, ErrorBodyDto, TaskDto } from './generated/types.gen.js';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const applicant = bearer(env('APPLICANT_TOKEN'));
const reviewer = bearer(env('REVIEWER_TOKEN'));
const auditor = bearer(env('AUDITOR_TOKEN'));

client.setConfig({ baseUrl: env('API_URL') });

function firstStepOf(status: CaseStatusDto) {
  const step = status.steps[0];
  if (!step) throw new Error('the case has no step');
  return step;
}

async function main(): Promise<void> {
  const body = {
    resourceId: 'hr-land-registration',
    items: ['unit-no', 'owner'],
    purpose: '社会救助家庭经济状况核对',
    scenario: '低保申请审核',
  };

  const rejected = await casesCreateShareRequest({ body: { ...body, purpose: '' }, headers: applicant });
  const invalid: ErrorBodyDto | undefined = rejected.error;

  const started = await casesCreateShareRequest({
    body,
    headers: { ...applicant, 'Idempotency-Key': `generated-client-${Date.now()}` },
    throwOnError: true,
  });
  const step = firstStepOf(started.data);

  // The inbox is paged, soonest due first; other cases of the same reviewer may fill the first pages.
  let task: TaskDto | undefined;
  for (let cursor: string | undefined; !task;) {
    const inbox = await tasksList({
      query: { procedure: 'share-request', limit: 100, ...(cursor ? { cursor } : {}) },
      headers: reviewer,
      throwOnError: true,
    });
    task = inbox.data.items.find((t) => t.caseId === started.data.caseId);
    if (!inbox.data.nextCursor) break;
    cursor = inbox.data.nextCursor;
  }
  if (!task) throw new Error('the reviewer does not see the task');
  const claimed = await tasksClaim({ path: { id: task.id }, headers: reviewer, throwOnError: true });
  const decided = await tasksComplete({
    path: { id: task.id },
    body: { decision: 'approve' },
    headers: reviewer,
    throwOnError: true,
  });

  const status = await casesGet({ path: { id: started.data.caseId }, headers: applicant, throwOnError: true });
  const mine = await casesList({ query: { procedure: 'share-request' }, headers: applicant, throwOnError: true });
  const grants = await grantsList({ query: { caseId: started.data.caseId }, headers: applicant, throwOnError: true });
  const history = await auditHistory({ path: { id: started.data.caseId }, headers: auditor, throwOnError: true });
  const timeline = 'entries' in history.data ? history.data.entries : [];

  process.stdout.write(
    `${JSON.stringify({
      invalid: {
        status: rejected.response?.status,
        code: invalid?.code,
        fields: invalid?.errors?.map((e) => [e.field, e.code]),
      },
      started: { status: started.response.status, caseId: started.data.caseId, state: started.data.state },
      firstStep: {
        role: step.actorRole,
        department: step.actorDepartment,
        workingDays: step.due.workingDays,
        basis: step.due.basis,
        article: step.due.citation.article,
      },
      task: { id: task.id, claimedBy: claimed.data.claimedBy, dueDate: task.dueDate },
      decided: {
        closed: decided.data.closed,
        settling: decided.data.settling,
        decision: decided.data.steps.at(0)?.decision?.decision,
      },
      status: { state: status.data.state, outcome: status.data.outcome?.kind, grantId: status.data.outcome?.grantId },
      listed: mine.data.items.some((c) => c.caseId === started.data.caseId),
      grant: grants.data.map((g) => ({ id: g.id, status: g.status, items: g.items })),
      history: timeline.map((e) => e.action),
    })}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : JSON.stringify(error)}\n`);
  process.exit(1);
});
