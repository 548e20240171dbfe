import { Controller, Get, Inject } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, type HealthCheckResult } from '@nestjs/terminus';
import { MikroORM } from '@mikro-orm/postgresql';
import { Public } from '../auth/access.decorators.js';
import { AppConfig } from '../config/app-config.js';
import { HealthDto, HealthIndicatorDto } from './health.dto.js';
import { CaseEngine } from '../engine/case-engine.js';
import { ArchiveStatus } from '../audit/archive/archive-status.service.js';

const CHECK_TIMEOUT_MS = 3000;

function withTimeout<T>(work: Promise<T>): Promise<T> {
  return Promise.race([
    work,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS).unref(),
    ),
  ]);
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @Inject(MikroORM) private readonly orm: MikroORM,
    private readonly engine: CaseEngine,
    private readonly config: AppConfig,
    private readonly archive: ArchiveStatus,
  ) {}

  @Public()
  @Get()
  @HealthCheck({ swaggerDocumentation: false, noCache: true })
  @ApiOperation({ summary: 'Whether PostgreSQL and the workflow engine answer (no token needed)' })
  @ApiExtraModels(HealthIndicatorDto)
  @ApiOkResponse({ type: HealthDto })
  @ApiServiceUnavailableResponse({ type: HealthDto, description: 'A dependency is down: `error` names it' })
  check(): Promise<HealthCheckResult> {
    return this.health.check([() => this.checkPostgres(), () => this.checkTemporal(), () => this.checkArchive()]);
  }

  /** Down when closed cases wait so long that the engine could drop them before they are archived. */
  private async checkArchive() {
    const indicator = this.indicators.check('archive');
    try {
      const status = await withTimeout(this.archive.read());
      const details = {
        pendingCases: status.pendingCases,
        lagSeconds: status.lagSeconds,
        lastRunAt: status.lastRunAt,
        retentionDays: status.retentionDays,
      };
      if (status.lagSeconds > (status.retentionDays * 86_400) / 2)
        return indicator.down({ ...details, message: `archive lag ${status.lagSeconds} s: ${status.lastError ?? ''}` });
      return indicator.up(details);
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }

  private async checkPostgres() {
    const indicator = this.indicators.check('postgres');
    try {
      await withTimeout(this.orm.em.getConnection().execute('select 1'));
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }

  private async checkTemporal() {
    const indicator = this.indicators.check('temporal');
    try {
      await withTimeout(this.engine.ping());
      return indicator.up({ address: this.config.TEMPORAL_ADDRESS, namespace: this.config.TEMPORAL_NAMESPACE });
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }
}
