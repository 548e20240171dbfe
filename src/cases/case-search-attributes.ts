import type { SearchAttributeName } from '../../workflows/contracts/search-attributes.js';
import type { CaseRecord } from './case-record.entity.js';

/** The search attributes a case's workflow starts with: how the engine's UI and CLI find it. */
export function caseSearchAttributes(
  record: Pick<CaseRecord, 'procedure' | 'pack' | 'participantDepartments'>,
): Partial<Record<SearchAttributeName, string[]>> {
  return {
    CaseProcedure: [record.procedure],
    CasePack: [record.pack],
    CaseDepartment: record.participantDepartments,
  };
}
