import { defineEntity, p } from '@mikro-orm/postgresql';
import type { Citation } from '../../workflows/contracts/citation.js';
import type { DecisionSchema } from '../../workflows/contracts/decisions.js';

/** The inbox projection; written only by activities (and claims), read by the task API. */
const InboxTaskSchema = defineEntity({
  name: 'InboxTask',
  tableName: 'inbox_task',
  properties: {
    id: p.string().primary(),
    caseId: p.string(),
    procedure: p.string(),
    pack: p.string(),
    stepId: p.string(),
    kind: p.string(),
    titleZh: p.string(),
    titleEn: p.string(),
    role: p.string(),
    department: p.string(),
    dueAt: p.datetime(),
    dueDate: p.string().columnType('date'),
    dueBasis: p.string(),
    citation: p.json<Citation>(),
    provisional: p.boolean(),
    overdue: p.boolean(),
    /** 预警: when the working days left reached the warning threshold. */
    warnedAt: p.datetime().nullable(),
    status: p.string(),
    claimedBy: p.string().nullable(),
    completedBy: p.string().nullable(),
    decision: p.string().nullable(),
    createdAt: p.datetime(),
    completedAt: p.datetime().nullable(),
    decisionSchema: p.json<DecisionSchema>().nullable(),
    /** 催办: how often the applicant or a supervisor urged it, and when last. */
    urgeCount: p.integer().default(0),
    lastUrgedAt: p.datetime().nullable(),
    /** 已阅: the first reviewer who may decide it to open it, and when. */
    readBy: p.string().nullable(),
    readAt: p.datetime().nullable(),
  },
});

export class InboxTask extends InboxTaskSchema.class {}
InboxTaskSchema.setClass(InboxTask);
