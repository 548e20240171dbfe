import { interceptors as openTelemetryInterceptors } from '@temporalio/interceptors-opentelemetry/lib/workflow-interceptors.js';
import { patched, type WorkflowInterceptors } from '@temporalio/workflow';

/**
 * OpenTelemetry spans for the workflow run, its updates and the activities it schedules. Cases that started
 * before tracing replay without the interceptors: with them, such histories would see yields they never had.
 */
export const interceptors = (): WorkflowInterceptors =>
  patched('opentelemetry-tracing') ? openTelemetryInterceptors() : {};
