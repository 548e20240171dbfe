import type { Procedure } from '../../workflows/contracts/case-status.js';
import type { PackId } from '../../workflows/contracts/citation.js';
import type { IncidentDto, IncidentState } from './dto/incident.dto.js';
import type { Incident } from './incident.entity.js';

export function presentIncident(row: Incident): IncidentDto {
  return {
    incidentId: row.id,
    caseId: row.caseId,
    procedure: row.procedure as Procedure,
    pack: row.pack as PackId,
    stepId: row.stepId ?? null,
    activity: row.activity,
    errorType: row.errorType,
    message: row.message,
    state: row.state as IncidentState,
    openedAt: row.openedAt.toISOString(),
    retriedBy: row.retriedBy ?? null,
    retriedAt: row.retriedAt?.toISOString() ?? null,
    settledAt: row.settledAt?.toISOString() ?? null,
  };
}
