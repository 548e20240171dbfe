import { Module, type DynamicModule } from '@nestjs/common';
import { AnnualReportsModule } from './annual-reports/annual-reports.module.js';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { CalendarModule } from './calendar/calendar.module.js';
import { CasesModule } from './cases/cases.module.js';
import { CatalogModule } from './catalog/catalog.module.js';
import type { AppConfig } from './config/app-config.js';
import { ConfigModule } from './config/config.module.js';
import { DatabaseModule } from './database/database.module.js';
import { EngineModule } from './engine/engine.module.js';
import { TemporalModule } from './engine/temporal.module.js';
import { GrantsModule } from './grants/grants.module.js';
import { HealthModule } from './health/health.module.js';
import { IncidentsModule } from './incidents/incidents.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { LoggingModule } from './logging/logging.module.js';
import { MetricsModule } from './metrics/metrics.module.js';
import { SupervisionModule } from './supervision/supervision.module.js';
import { TasksModule } from './tasks/tasks.module.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(config),
        DatabaseModule,
        TemporalModule,
        AuthModule,
        HealthModule,
        MetricsModule,
        CalendarModule,
        EngineModule,
        CatalogModule,
        CasesModule,
        TasksModule,
        IncidentsModule,
        NotificationsModule,
        AuditModule,
        GrantsModule,
        SupervisionModule,
        AnnualReportsModule,
      ],
    };
  }
}
