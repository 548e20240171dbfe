import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock.js';
import { AppConfig } from '../../config/app-config.js';
import { AuditArchiveRepository } from './audit-archive.repository.js';
import type { ArchiveStatusDto } from './dto/archive.dto.js';

/** Only cases closed this recently are counted as waiting: older ones are the boot catch-up's (and would make this a scan). */
const PENDING_WINDOW_MS = 2 * 86_400_000;
const PENDING_SAMPLE = 1000;

/** The archiver's progress, for /health and the auditors. */
@Injectable()
export class ArchiveStatus {
  constructor(
    private readonly archive: AuditArchiveRepository,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async read(): Promise<ArchiveStatusDto> {
    const now = this.clock.now();
    const state = await this.archive.state();
    const since = { closedAt: new Date(now.getTime() - PENDING_WINDOW_MS), caseId: '' };
    const pending = await this.archive.unarchivedClosedCases(since, PENDING_SAMPLE);
    const oldest = pending[0]?.closedAt;
    return {
      watermark: state.watermark.toISOString(),
      lastRunAt: state.lastRunAt?.toISOString() ?? null,
      lastError: state.lastError,
      pendingCases: pending.length,
      lagSeconds: oldest ? Math.max(0, Math.round((now.getTime() - oldest.getTime()) / 1000)) : 0,
      retentionDays: this.config.TEMPORAL_RETENTION_DAYS,
    };
  }
}
