import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { CalendarActivities } from './contracts/activities.js';
import type { EngineProbeInput, EngineProbeResult } from './contracts/engine-probe.js';

const { computeDueDate } = proxyActivities<CalendarActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { maximumAttempts: 5 },
});

export async function engineProbe(input: EngineProbeInput): Promise<EngineProbeResult> {
  const due = await computeDueDate(input);
  return { ...due, workflowId: workflowInfo().workflowId };
}
