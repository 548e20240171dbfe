import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import type { Activities } from '../../workflows/contracts/activities.js';
import type { AppConfig } from '../config/app-config.js';
import { dataConverterOf } from './data-converter.js';
import { workflowSource } from './workflow-source.js';

export interface WorkerSetup {
  connection: NativeConnection;
  /** Namespace, task queue and payload keys: the same the API's client uses. */
  config: AppConfig;
  activities: Activities;
  /** Overrides for tests (e.g. a prebuilt bundle shared by a test run). */
  options?: Partial<WorkerOptions>;
}

/** One place that decides how a worker of this system is built. */
export function createWorker({ connection, config, activities, options }: WorkerSetup): Promise<Worker> {
  return Worker.create({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    dataConverter: dataConverterOf(config),
    activities,
    ...workflowSource(),
    // Activities are idempotent, so one cut off by a shutdown is safely retried by the next worker; a shutdown
    // must not wait on an activity stuck behind an unreachable database.
    shutdownGraceTime: '10s',
    shutdownForceTime: '30s',
    ...options,
  });
}
