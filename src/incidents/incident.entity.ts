import { defineEntity, p } from '@mikro-orm/postgresql';

/** A permanent failure of a case's activity, and how an operator settled it. */
const IncidentSchema = defineEntity({
  name: 'Incident',
  tableName: 'incident',
  properties: {
    id: p.string().primary(),
    caseId: p.string(),
    procedure: p.string(),
    pack: p.string(),
    stepId: p.string().nullable(),
    activity: p.string(),
    errorType: p.string(),
    message: p.string(),
    state: p.string(),
    openedAt: p.datetime(),
    retriedBy: p.string().nullable(),
    retriedAt: p.datetime().nullable(),
    settledAt: p.datetime().nullable(),
  },
});

export class Incident extends IncidentSchema.class {}
IncidentSchema.setClass(Incident);
