import { Inject, Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import type { DueDateRequest } from '../../workflows/contracts/deadline.js';
import { ENGINE_PROBE_WORKFLOW, engineProbeWorkflowId, type EngineProbeResult } from '../../workflows/contracts/engine-probe.js';
import { AppConfig } from '../config/app-config.js';

@Injectable()
export class EngineProbeService {
  constructor(
    @Inject(Client) private readonly client: Client,
    private readonly config: AppConfig,
  ) {}

  /** Runs the probe workflow on the worker and waits for its answer. */
  run(request: DueDateRequest): Promise<EngineProbeResult> {
    return this.client.workflow.execute(ENGINE_PROBE_WORKFLOW, {
      taskQueue: this.config.TEMPORAL_TASK_QUEUE,
      workflowId: engineProbeWorkflowId(randomUUID()),
      args: [request],
      workflowExecutionTimeout: '1 minute',
    });
  }
}
