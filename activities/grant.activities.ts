import type { CorrectionRecordRepository } from '../src/cases/correction-record.repository.js';
import type { PendingCatalogChangeRepository } from '../src/catalog/pending-catalog-change.repository.js';
import type { OpenDataAccessRepository } from '../src/grants/open-data-access.repository.js';
import type { ShareGrantRepository } from '../src/grants/share-grant.repository.js';
import type { GrantActivities } from '../workflows/contracts/activities.js';

export interface OutcomeRepositories {
  grants: ShareGrantRepository;
  openDataAccess: OpenDataAccessRepository;
  corrections: CorrectionRecordRepository;
  pendingChanges: PendingCatalogChangeRepository;
}

/** Outcome records: grants (共享授权), open-data access, pending catalog changes, corrections; idempotent by id. */
export function createGrantActivities(repositories: OutcomeRepositories): GrantActivities {
  return {
    async recordGrant(g) {
      await repositories.grants.record(g);
      return g;
    },
    async recordPendingCatalogChange(c) {
      await repositories.pendingChanges.record(c);
      return c;
    },
    async recordOpenDataAccess(a) {
      await repositories.openDataAccess.record(a);
      return a;
    },
    async recordCorrection(c) {
      await repositories.corrections.record(c);
      return c;
    },
  };
}
