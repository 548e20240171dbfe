import { defineEntity, p } from '@mikro-orm/postgresql';
import type { Citation } from '../../workflows/contracts/citation.js';

/**
 * A missed deadline (超期, red card): a step's, keyed by its task, or a late P3 application, keyed by its own id;
 * or a warning before one (预警, yellow card), keyed `warning:<task>`.
 */
const BreachSchema = defineEntity({
  name: 'Breach',
  tableName: 'breach',
  properties: {
    taskId: p.string().primary(),
    kind: p.string(),
    caseId: p.string(),
    procedure: p.string(),
    pack: p.string(),
    stepId: p.string(),
    department: p.string(),
    citation: p.json<Citation>(),
    alsoUnder: p.json<Citation[]>(),
    workingDaysLeft: p.integer().nullable(),
    dueAt: p.datetime(),
    recordedAt: p.datetime(),
  },
});

export class Breach extends BreachSchema.class {}
BreachSchema.setClass(Breach);
