import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../contracts/activities.js';

/** Every activity is idempotent, so retries are safe; domain errors come back non-retryable. */
export const activities = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});
