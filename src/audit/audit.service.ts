import { Injectable } from '@nestjs/common';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import type { Actor } from '../../workflows/contracts/actor.js';
import { CasesService } from '../cases/cases.service.js';
import { DomainError } from '../common/errors/domain-error.js';
import { CaseEngine } from '../engine/case-engine.js';
import { AuditArchiveRepository, type ArchivedHistory } from './archive/audit-archive.repository.js';
import type { ArchiveMarkDto, HistoryFormat, HistoryTimelineDto, RawHistoryDto } from './dto/history.dto.js';
import { toTimeline } from './history-timeline.js';

/** A history read, and where it came from: the engine while it keeps the case, the audit archive after. */
export interface HistoryRead<T> {
  body: T;
  archive?: ArchiveMarkDto;
}

const isNotFound = (error: unknown) => error instanceof DomainError && error.kind === 'not-found';

const markOf = (row: ArchivedHistory): ArchiveMarkDto => ({
  seq: row.seq,
  runId: row.runId,
  archivedAt: row.archivedAt.toISOString(),
  contentSha256: row.contentSha256,
  intact: row.intact,
});

@Injectable()
export class AuditService {
  constructor(
    private readonly engine: CaseEngine,
    private readonly cases: CasesService,
    private readonly archive: AuditArchiveRepository,
  ) {}

  async history(
    actor: Actor,
    caseId: string,
    format: HistoryFormat,
  ): Promise<HistoryRead<HistoryTimelineDto | RawHistoryDto>> {
    await this.cases.visibleRecord(actor, caseId);
    try {
      if (format === 'raw')
        return { body: JSON.parse(historyToJSON(await this.engine.history(caseId))) as RawHistoryDto };
      const history = await this.engine.readableHistory(caseId);
      return { body: { caseId, source: 'engine', entries: toTimeline(history.events ?? []) } };
    } catch (error) {
      if (!isNotFound(error)) throw error;
      const archived = await this.archive.latest(caseId);
      if (!archived) throw error;
      return this.fromArchive(caseId, archived, format);
    }
  }

  private async fromArchive(
    caseId: string,
    row: ArchivedHistory,
    format: HistoryFormat,
  ): Promise<HistoryRead<HistoryTimelineDto | RawHistoryDto>> {
    const archive = markOf(row);
    if (format === 'raw') return { body: JSON.parse(row.history) as RawHistoryDto, archive };
    const history = await this.engine.readableHistoryOf(row.history);
    return { body: { caseId, source: 'archive', archive, entries: toTimeline(history.events ?? []) }, archive };
  }
}
