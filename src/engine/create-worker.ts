import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import type { DataConverter } from '@temporalio/common';
import type { Activities } from '../../workflows/contracts/activities.js';
import { workflowSource } from './workflow-source.js';

export interface WorkerSetup {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  activities: Activities;
  /** The same data converter as the API's client (payload encryption). */
  dataConverter: DataConverter;
  /** Overrides for tests (e.g. a prebuilt bundle shared by a test run). */
  options?: Partial<WorkerOptions>;
}

/** One place that decides how a worker of this system is built. */
export function createWorker({
  connection,
  namespace,
  taskQueue,
  activities,
  dataConverter,
  options,
}: WorkerSetup): Promise<Worker> {
  return Worker.create({
    connection,
    namespace,
    taskQueue,
    activities,
    dataConverter,
    ...workflowSource(),
    ...options,
  });
}
