import type { CaseStatus } from '../../workflows/contracts/case-status.js';
import { localize } from '../common/errors/localize.js';
import type { Language } from '../common/errors/localized-text.js';
import type { CaseRecord } from './case-record.entity.js';

/** The status the workflow answered, in the caller's language. */
export function presentCase(status: CaseStatus, language: Language) {
  return localize(status, language);
}

export function presentCaseSummary(record: CaseRecord) {
  return {
    id: record.id,
    procedure: record.procedure,
    pack: record.pack,
    state: record.state,
    currentStep: record.currentStep,
    resourceId: record.resourceId,
    applicantId: record.applicantId,
    receivedAt: record.receivedAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
  };
}
