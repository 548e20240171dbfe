import { Inject, Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import type { Actor } from '../../workflows/contracts/actor.js';
import { CasesService } from '../cases/cases.service.js';
import { fromEngineError } from '../engine/engine-errors.js';
import { toTimeline } from './history-timeline.js';

@Injectable()
export class AuditService {
  constructor(
    @Inject(Client) private readonly client: Client,
    private readonly cases: CasesService,
  ) {}

  async history(actor: Actor, caseId: string, format: 'timeline' | 'raw') {
    await this.cases.visibleRecord(actor, caseId);
    try {
      const history = await this.client.workflow.getHandle(caseId).fetchHistory();
      if (format === 'raw') return JSON.parse(historyToJSON(history)) as unknown;
      return { caseId, entries: toTimeline(history.events ?? []) };
    } catch (error) {
      throw fromEngineError(error);
    }
  }
}
