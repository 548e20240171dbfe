import type { Actor } from '../../workflows/contracts/actor.js';
import type { CaseRecord } from './case-record.entity.js';

/**
 * Who may see a case (SPEC §3): the applicant his own, staff of a department
 * that takes part in it, auditors and supervisors all. Anyone else is told it
 * does not exist.
 */
export function canSeeCase(actor: Actor, record: CaseRecord): boolean {
  switch (actor.role) {
    case 'auditor':
    case 'supervisor':
      return true;
    case 'applicant':
      return record.applicantId === actor.id;
    case 'reviewer':
    case 'principal':
    case 'disclosure-head':
    case 'authority':
    case 'service-unit':
      return record.participantDepartments.includes(actor.department);
    default:
      return false;
  }
}
