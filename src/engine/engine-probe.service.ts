import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { DueDateRequest } from '../../workflows/contracts/deadline.js';
import {
  ENGINE_PROBE_WORKFLOW,
  engineProbeWorkflowId,
  type EngineProbeResult,
} from '../../workflows/contracts/engine-probe.js';
import { CaseEngine } from './case-engine.js';

@Injectable()
export class EngineProbeService {
  constructor(private readonly engine: CaseEngine) {}

  /** Runs the probe workflow on the worker and waits for its answer. */
  run(request: DueDateRequest): Promise<EngineProbeResult> {
    return this.engine.execute<EngineProbeResult>({
      workflowType: ENGINE_PROBE_WORKFLOW,
      workflowId: engineProbeWorkflowId(randomUUID()),
      args: [request],
      timeout: '1 minute',
    });
  }
}
