import { Injectable } from '@nestjs/common';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import type { Actor } from '../../workflows/contracts/actor.js';
import { CasesService } from '../cases/cases.service.js';
import { CaseEngine } from '../engine/case-engine.js';
import type { HistoryTimelineDto, RawHistoryDto } from './dto/history.dto.js';
import { toTimeline } from './history-timeline.js';

@Injectable()
export class AuditService {
  constructor(
    private readonly engine: CaseEngine,
    private readonly cases: CasesService,
  ) {}

  async history(actor: Actor, caseId: string, format: 'timeline' | 'raw'): Promise<HistoryTimelineDto | RawHistoryDto> {
    await this.cases.visibleRecord(actor, caseId);
    if (format === 'raw') return JSON.parse(historyToJSON(await this.engine.history(caseId))) as RawHistoryDto;
    const history = await this.engine.readableHistory(caseId);
    return { caseId, entries: toTimeline(history.events ?? []) };
  }
}
