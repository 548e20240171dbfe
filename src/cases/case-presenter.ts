import type { CaseStatus, Procedure } from '../../workflows/contracts/case-status.js';
import { localize } from '../common/errors/localize.js';
import type { Language } from '../common/errors/localized-text.js';
import type { CaseListRow } from './case-record.repository.js';
import type { CaseStatusDto, CaseSummaryDto } from './dto/case-status.dto.js';
import type { PackId } from '../../workflows/contracts/citation.js';

/** The status the workflow answered, in the caller's language. */
export function presentCase(status: CaseStatus, language: Language): CaseStatusDto {
  return localize(status, language);
}

export function presentCaseSummary(record: CaseListRow): CaseSummaryDto {
  return {
    caseId: record.id,
    procedure: record.procedure as Procedure,
    pack: record.pack as PackId,
    state: record.state,
    currentStep: record.currentStep ?? null,
    resourceId: record.resourceId ?? null,
    applicantId: record.applicantId,
    receivedAt: record.receivedAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
  };
}
