import type { Actor } from '../../workflows/contracts/actor.js';
import type { CaseStatus } from '../../workflows/contracts/case-status.js';
import type { CaseRecord } from './case-record.entity.js';

/** What a case shows before its workflow has run its first step. */
export function receivedStatus(record: CaseRecord, applicant: Actor): CaseStatus {
  return {
    caseId: record.id,
    procedure: record.procedure as CaseStatus['procedure'],
    pack: record.pack as CaseStatus['pack'],
    state: 'received',
    stateText: { zh: '已受理，等待流程引擎处理', en: 'Received; waiting for the workflow engine' },
    receivedAt: record.receivedAt.toISOString(),
    applicant,
    steps: [],
    waitingFor: [],
    notices: [],
    closed: false,
  };
}
