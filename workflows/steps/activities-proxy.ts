import { proxyLocalActivities } from '@temporalio/workflow';
import type { Activities } from '../contracts/activities.js';

/**
 * Every activity here is a short, idempotent PostgreSQL read or write, so they
 * run as local activities: in the worker that runs the workflow task, without a
 * round trip through the server per call. Each returns what it recorded, so the
 * history's markers still show every task, deadline, breach and grant.
 */
export const activities = proxyLocalActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});
