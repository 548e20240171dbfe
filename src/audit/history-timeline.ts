import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import type { temporal } from '@temporalio/proto';
import type { Activities } from '../../workflows/contracts/activities.js';
import type { Actor } from '../../workflows/contracts/actor.js';
import type {
  CommentArgs,
  DecideArgs,
  DelegateTaskArgs,
  RaiseDisputeArgs,
  RequestExtensionArgs,
  StopCaseArgs,
  TaskReadArgs,
  TransferTaskArgs,
  UrgeArgs,
} from '../../workflows/contracts/case-messages.js';
import type { CaseStatus } from '../../workflows/contracts/case-status.js';
import type { Citation } from '../../workflows/contracts/citation.js';
import type { CorrectionInput } from '../../workflows/contracts/correction.js';
import type { DueDate } from '../../workflows/contracts/deadline.js';
import type { ShareRequestInput } from '../../workflows/contracts/share-request.js';

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

export interface TimelineEntry {
  eventId: number;
  time: string;
  action: string;
  actor?: Pick<Actor, 'id' | 'name' | 'role' | 'department'>;
  decision?: string;
  reason?: string;
  citation?: Citation;
  details?: Record<string, unknown>;
}

function decode(payloads: Payload[] | null | undefined): unknown[] {
  return (payloads ?? []).map((p) => defaultPayloadConverter.fromPayload(p));
}

function timeOf(event: HistoryEvent): string {
  const t = event.eventTime;
  const ms = Number(t?.seconds ?? 0) * 1000 + Math.floor((t?.nanos ?? 0) / 1e6);
  return new Date(ms).toISOString();
}

const pickActor = (a: Actor | undefined): TimelineEntry['actor'] =>
  a ? { id: a.id, name: a.name, role: a.role, department: a.department } : undefined;

/** Local activities leave a marker with their result; ours return what they recorded. */
const LOCAL_ACTIVITY_MARKER = 'core_local_activity';

type Describe<K extends keyof Activities> = (
  recorded: Awaited<ReturnType<Activities[K]>>,
) => Omit<TimelineEntry, 'eventId' | 'time'>;

const taskOpened: Describe<'openTask'> = (t) => ({
  action: `task-opened:${t.kind}`,
  citation: t.citation,
  details: {
    taskId: t.id,
    step: t.stepId,
    role: t.role,
    department: t.department,
    dueAt: t.dueAt,
    dueDate: t.dueDate,
    dueBasis: t.dueBasis,
    provisional: t.provisional,
  },
});

const deadlineComputed = (d: DueDate): Omit<TimelineEntry, 'eventId' | 'time'> => ({
  action: 'deadline-computed',
  details: { dueDate: d.dueDate, dueAt: d.dueAt, provisional: d.provisional },
});

/** What each activity means to an auditor, from what it recorded. */
const ACTIVITY_ENTRIES: { [K in keyof Activities]?: Describe<K> } = {
  openTask: taskOpened,
  openStepTask: (o) =>
    o.calendarChanged
      ? {
          action: 'task-not-opened:calendar-changed',
          details: { taskId: o.task.id, plannedOn: o.calendarVersion },
        }
      : taskOpened(o.task),
  completeTask: (t) => ({ action: 'task-closed', decision: t.decision, details: { taskId: t.taskId, by: t.actorId } }),
  cancelTask: (t) => ({ action: 'task-cancelled', details: { taskId: t.taskId } }),
  updateTaskDue: (t) =>
    t.change
      ? {
          action: 'deadline-recomputed:holiday-schedule',
          details: {
            taskId: t.taskId,
            dueAt: t.due.dueAt,
            dueDate: t.due.dueDate,
            provisional: t.due.provisional,
            previousDueAt: t.change.previousDueAt,
            year: t.change.year,
            notices: t.change.notices,
          },
        }
      : { action: 'deadline-moved', details: { taskId: t.taskId, dueAt: t.due.dueAt, dueDate: t.due.dueDate } },
  recordLateApplication: (b) => ({
    action: 'late-application-breach',
    citation: b.citation,
    details: { department: b.department, dueAt: b.dueAt, receivedAt: b.receivedAt },
  }),
  applyCatalogChange: (c) =>
    c.notApplied
      ? { action: 'catalog-change-not-applied', reason: c.notApplied }
      : { action: 'catalog-versions-created', details: { versions: c.versions } },
  openLinkedCatalogUpdate: (p) => ({
    action: 'catalog-update-case-linked',
    details: {
      catalogUpdateCaseId: p.linkedCaseId,
      entryId: p.entry.id,
      baseVersion: p.entry.version,
      authority: p.authorityDepartment,
    },
  }),
  settlePendingChange: (c) => ({
    action: `catalog-change-${c.status}`,
    details: { changeId: c.changeId, catalogUpdateCaseId: c.catalogCaseId },
  }),
  computeMonthEnd: (d) => ({
    action: 'deadline-computed',
    details: { dueDate: d.dueDate, dueAt: d.dueAt, provisional: d.provisional },
  }),
  planAnnualReportRound: (p) => ({
    action: 'annual-report-round-planned',
    details: { reporters: p.reporters.map((r) => r.departmentId), authority: p.authority },
  }),
  casesWithDueIn: (ids) => ({ action: 'calendar-affected-cases', details: { cases: ids } }),
  casesWithDueInPage: (ids) => ({ action: 'calendar-affected-cases', details: { cases: ids } }),
  recordUrge: (u) => ({
    action: 'task-urged',
    actor: pickActor(u.actor),
    details: { taskId: u.taskId, workingDay: u.workingDay, note: u.note },
  }),
  recordBreach: (b) => ({
    action: 'deadline-breached',
    citation: b.citation,
    details: {
      taskId: b.taskId,
      step: b.stepId,
      department: b.department,
      dueAt: b.dueAt,
      escalationTaskId: b.escalation?.id,
    },
  }),
  recordGrant: (g) => ({
    action: 'grant-recorded',
    citation: g.citation,
    details: {
      grantId: g.grantId,
      approver: g.approver,
      manner: g.manner,
      items: g.items,
      grantee: g.granteeDepartment,
    },
  }),
  recordPendingCatalogChange: (c) => ({
    action: 'catalog-change-pending',
    citation: c.citation,
    details: { changeId: c.changeId, entryId: c.entryId, change: c.change },
  }),
  recordOpenDataAccess: (a) => ({
    action: 'open-data-access-recorded',
    citation: a.citation,
    details: { accessId: a.accessId, approver: a.approver, manner: a.manner, scope: a.scope },
  }),
  recordCorrection: (c) => ({
    action: 'correction-recorded',
    citation: c.citation,
    details: { whatChanged: c.whatChanged, correctedBy: c.correctedBy, items: c.items },
  }),
  computeDueDate: deadlineComputed,
  planStep: (p) => deadlineComputed(p.due),
  extendDueDate: (d) => ({
    action: 'deadline-extended',
    details: { dueDate: d.dueDate, dueAt: d.dueAt, provisional: d.provisional },
  }),
};

/** The case's Temporal event history as an auditor reads it: who did what, when, under which article. */
export function toTimeline(events: HistoryEvent[]): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  /** Where the timeline shows the first step's plan from the input, until the step opens. */
  let planInInput: number | undefined;
  for (const event of events) {
    const base = { eventId: Number(event.eventId), time: timeOf(event) };
    if (event.workflowExecutionStartedEventAttributes) {
      const [input] = decode(event.workflowExecutionStartedEventAttributes.input?.payloads as Payload[]) as Array<
        (Partial<ShareRequestInput> & Partial<CorrectionInput> & { reason?: string; interfaces?: string }) | undefined
      >;
      entries.push({
        ...base,
        action: 'case-received',
        actor: pickActor(input?.applicant ?? input?.reporter),
        details: {
          workflowType: event.workflowExecutionStartedEventAttributes.workflowType?.name,
          pack: input?.rules?.pack,
          resource: input?.resource?.id,
          items: input?.items,
          purpose: input?.purpose,
          description: input?.description ?? input?.reason ?? input?.interfaces,
          path: input?.path,
        },
      });
      // The first step's due date, planned as the case started, comes with the input rather than from an activity.
      const ahead = input?.firstStepPlan;
      if (ahead) {
        planInInput = entries.length;
        entries.push({ ...base, ...deadlineComputed(ahead.plan.due) });
      }
    } else if (event.workflowExecutionUpdateAcceptedEventAttributes) {
      const request = event.workflowExecutionUpdateAcceptedEventAttributes.acceptedRequest?.input;
      const [args] = decode(request?.args?.payloads as Payload[]) as Array<
        | (Partial<DecideArgs> &
            Partial<RequestExtensionArgs> &
            Partial<RaiseDisputeArgs> &
            Partial<StopCaseArgs> &
            Partial<CommentArgs> &
            Partial<UrgeArgs> &
            Partial<Omit<TransferTaskArgs, 'to'>> &
            Partial<DelegateTaskArgs>)
        | undefined
      >;
      if (!args) continue;
      entries.push({
        ...base,
        action: `update:${request?.name}`,
        actor: pickActor(args.actor),
        decision: args.decision,
        reason: args.reasons ?? args.reason,
        details: {
          taskId: args.taskId,
          workingDays: args.workingDays,
          basis: args.basis,
          text: args.text,
          note: args.note,
          to: args.to?.id,
          request: args.request,
          ...(args.details ?? {}),
        },
      });
    } else if (event.markerRecordedEventAttributes?.markerName === LOCAL_ACTIVITY_MARKER) {
      const details = event.markerRecordedEventAttributes.details ?? {};
      const [meta] = decode(details.data?.payloads as Payload[]) as Array<{ activity_type?: string } | undefined>;
      const describe = (ACTIVITY_ENTRIES as Record<string, Describe<keyof Activities> | undefined>)[
        meta?.activity_type ?? ''
      ];
      const [recorded] = decode(details.result?.payloads as Payload[]) as Array<
        Parameters<Describe<keyof Activities>>[0] | undefined
      >;
      // A first step that asked the calendar itself (it opened late) did not use the plan in the input.
      if (meta?.activity_type === 'planStep' && planInInput !== undefined) entries.splice(planInInput, 1);
      if (meta?.activity_type === 'planStep' || meta?.activity_type === 'openStepTask') planInInput = undefined;
      if (describe && recorded) entries.push({ ...base, ...describe(recorded) });
    } else if (event.workflowExecutionSignaledEventAttributes) {
      const signal = event.workflowExecutionSignaledEventAttributes;
      const [change] = decode(signal.input?.payloads as Payload[]) as Array<
        ({ year?: number; revision?: number; notices?: unknown } & Partial<TaskReadArgs>) | undefined
      >;
      entries.push({
        ...base,
        action: `signal:${signal.signalName}`,
        actor: pickActor(change?.reader),
        details: { year: change?.year, revision: change?.revision, notices: change?.notices, taskId: change?.taskId },
      });
    } else if (event.startChildWorkflowExecutionInitiatedEventAttributes) {
      entries.push({
        ...base,
        action: 'linked-case-started',
        details: { caseId: event.startChildWorkflowExecutionInitiatedEventAttributes.workflowId },
      });
    } else if (event.timerFiredEventAttributes) {
      entries.push({ ...base, action: 'timer-fired' });
    } else if (event.workflowExecutionCompletedEventAttributes) {
      const [result] = decode(event.workflowExecutionCompletedEventAttributes.result?.payloads as Payload[]) as Array<
        Partial<CaseStatus> | undefined
      >;
      entries.push({
        ...base,
        action: 'case-closed',
        decision: result?.outcome?.kind,
        reason: result?.outcome?.reasons,
        citation: result?.outcome?.citation,
      });
    } else if (event.workflowExecutionFailedEventAttributes || event.workflowExecutionTerminatedEventAttributes) {
      entries.push({ ...base, action: 'case-ended-abnormally' });
    }
  }
  return entries;
}
