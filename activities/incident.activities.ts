import type { IncidentRepository } from '../src/incidents/incident.repository.js';
import type { IncidentActivities } from '../workflows/contracts/incident.js';

/** Incidents: recorded and settled idempotently (the same id is the same row; a settled incident stays settled). */
export function createIncidentActivities(incidents: IncidentRepository): IncidentActivities {
  return {
    async openIncident(args) {
      await incidents.open(args);
      return args;
    },
    async settleIncident(args) {
      await incidents.settle(args);
      return args;
    },
  };
}
