import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { MikroORM } from '@mikro-orm/postgresql';
import { Client } from '@temporalio/client';
import { Public } from '../auth/access.decorators.js';
import { AppConfig } from '../config/app-config.js';

const CHECK_TIMEOUT_MS = 3000;

function withTimeout<T>(work: Promise<T>): Promise<T> {
  return Promise.race([
    work,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS).unref()),
  ]);
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @Inject(MikroORM) private readonly orm: MikroORM,
    @Inject(Client) private readonly temporal: Client,
    private readonly config: AppConfig,
  ) {}

  @Public()
  @Get()
  @HealthCheck()
  check() {
    return this.health.check([() => this.checkPostgres(), () => this.checkTemporal()]);
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
      await withTimeout(this.temporal.workflowService.getSystemInfo({}));
      return indicator.up({ address: this.config.TEMPORAL_ADDRESS, namespace: this.config.TEMPORAL_NAMESPACE });
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }
}
