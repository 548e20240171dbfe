import { caseEvents } from '../../../src/notifications/case-events.js';
import type { CaseStatus, StepStatus } from '../../../workflows/contracts/case-status.js';

const citation = { pack: 'jiangmen-2019' as const, article: '第二十一条', summary: '提供部门5个工作日内答复' };
const applicant = { id: 'jm-hrss-li', name: '李明', role: 'applicant' as const, department: 'jm-hrss' };
const reviewer = { id: 'jm-market-wang', name: '王芳', role: 'reviewer' as const, department: 'jm-market' };

function step(overrides: Partial<StepStatus> = {}): StepStatus {
  return {
    stepId: 'provider-review',
    taskId: 'c1.provider-review',
    title: { zh: '提供部门审核', en: 'Provider review' },
    actorRole: 'reviewer',
    actorDepartment: 'jm-market',
    state: 'open',
    openedAt: '2026-12-01T02:00:00.000Z',
    due: {
      dueAt: '2026-12-08T16:00:00.000Z',
      dueDate: '2026-12-08',
      provisional: false,
      provisionalYears: [],
      basis: 'statutory',
      workingDays: 5,
      from: '2026-12-01T02:00:00.000Z',
      citation,
    },
    overdue: false,
    clock: { state: 'running' },
    ...overrides,
  };
}

function status(overrides: Partial<CaseStatus> = {}): CaseStatus {
  return {
    caseId: 'c1',
    procedure: 'share-request',
    pack: 'jiangmen-2019',
    state: 'under-review',
    stateText: { zh: '审核中', en: 'Under review' },
    receivedAt: '2026-12-01T02:00:00.000Z',
    applicant,
    steps: [step()],
    waitingFor: [
      {
        taskId: 'c1.provider-review',
        kind: 'decision',
        role: 'reviewer',
        department: 'jm-market',
        dueAt: '2026-12-08T16:00:00.000Z',
      },
    ],
    notices: [],
    closed: false,
    ...overrides,
  };
}

const AT = '2026-12-01T02:00:01.000Z';

describe('caseEvents: what a case status shows that the one before did not', () => {
  it('a new case: its state for the applicant, its task for the reviewers of the department', () => {
    const events = caseEvents(undefined, status(), AT);
    expect(events.map((e) => [e.kind, e.recipients])).toEqual([
      ['case-state-changed', [{ user: 'jm-hrss-li' }]],
      ['task-opened', [{ department: 'jm-market', role: 'reviewer' }]],
    ]);
    expect(events[0]).toMatchObject({ id: 'c1:case-state-changed:under-review', title: { zh: '案件状态：审核中' } });
  });

  it('the same change twice gives the same events (ids are per happening), no change gives none', () => {
    expect(caseEvents(undefined, status(), AT)).toEqual(caseEvents(undefined, status(), AT));
    expect(caseEvents(status(), status(), AT)).toEqual([]);
  });

  it('a decision that closes the case: the decision and the closing for the applicant', () => {
    const decided = step({
      state: 'done',
      decision: {
        taskId: 'c1.provider-review',
        stepId: 'provider-review',
        decision: 'approve',
        actor: reviewer,
        decidedAt: AT,
      },
    });
    const after = status({
      state: 'granted',
      stateText: { zh: '已共享', en: 'Granted' },
      steps: [decided],
      waitingFor: [],
      closed: true,
    });
    expect(caseEvents(status(), after, AT).map((e) => e.kind)).toEqual(['case-closed', 'decision-made']);
  });

  it('a breach goes to the holder, the applicant, the authority and every supervisor', () => {
    const authorityStep = step({
      taskId: 'c1.coordination',
      actorRole: 'authority',
      actorDepartment: 'jm-data-authority',
    });
    const before = status({ steps: [step(), authorityStep] });
    const breached = step({
      overdue: true,
      assignee: { id: 'jm-market-sun' },
      breach: { recordedAt: AT, dueAt: AT, citation },
    });
    const [event] = caseEvents(before, status({ steps: [breached, authorityStep] }), AT);
    expect(event).toMatchObject({ kind: 'deadline-breached', id: 'c1:deadline-breached:c1.provider-review' });
    expect(event.recipients).toEqual([
      { user: 'jm-market-sun' },
      { user: 'jm-hrss-li' },
      { department: 'jm-data-authority', role: 'authority' },
      { department: '*', role: 'supervisor' },
    ]);
  });

  it('a comment goes to the other participants, not its writer', () => {
    const after = status({ comments: [{ actor: applicant, text: '请尽快', at: AT }] });
    const [event] = caseEvents(status(), after, AT);
    expect(event).toMatchObject({ kind: 'comment-added', id: 'c1:comment-added:1' });
    expect(event.recipients).toEqual([{ department: 'jm-market', role: 'reviewer' }]);
  });
});
