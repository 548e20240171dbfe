import { defineEntity, p } from '@mikro-orm/postgresql';
import type { CaseWorkflowInput } from '../../workflows/contracts/case-input.js';
import type { CaseStatus } from '../../workflows/contracts/case-status.js';

/** What a start sends the engine for a case: enough to start its workflow again. */
export interface StartInput {
  workflowType: string;
  input: CaseWorkflowInput;
}

/** The case index: who may see a case and how to list it. The workflow stays the source of truth. */
const CaseRecordSchema = defineEntity({
  name: 'CaseRecord',
  tableName: 'case_record',
  properties: {
    id: p.string().primary(),
    procedure: p.string(),
    pack: p.string(),
    applicantId: p.string(),
    applicantDepartment: p.string(),
    participantDepartments: p.array(),
    resourceId: p.string().nullable(),
    state: p.string(),
    currentStep: p.string().nullable(),
    idempotencyKey: p.string().nullable(),
    requestHash: p.string(),
    receivedAt: p.datetime(),
    updatedAt: p.datetime(),
    /** The status the workflow last showed (what the status query answers), kept past the engine's retention. */
    status: p.json<CaseStatus>().nullable(),
    /** The status is written on every change (not only state changes): it answers for an open case too. */
    statusCurrent: p.boolean().default(false),
    /**
     * The start's input, until the engine is known to hold the workflow (its first write clears it): a start cut off
     * half-way (the API killed between the row and the engine) is started from it.
     */
    startInput: p.json<StartInput>().nullable(),
  },
});

export class CaseRecord extends CaseRecordSchema.class {}
CaseRecordSchema.setClass(CaseRecord);
