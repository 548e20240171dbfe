import { Global, Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { CaseMetrics } from './case-metrics.js';
import { HttpMetrics } from './http-metrics.js';
import { MetricsController } from './metrics.controller.js';
import { MetricsRegistry } from './metrics-registry.js';

@Global()
@Module({
  imports: [AuditModule],
  controllers: [MetricsController],
  providers: [MetricsRegistry, HttpMetrics, CaseMetrics],
  exports: [MetricsRegistry, HttpMetrics, CaseMetrics],
})
export class MetricsModule {}
