export { correction } from './correction.js';
export { engineProbe } from './engine-probe.js';
export { interfaceProvision } from './interface-provision.js';
export { openCatalogObjection } from './open-catalog-objection.js';
export { openDataApplication } from './open-data-application.js';
export { shareRequest } from './share-request.js';
export { annualReport, annualReportRound } from './annual-report.js';
export { calendarRecompute } from './calendar-recompute.js';
export { catalogUpdate } from './catalog-update.js';
