import { Module, type DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { AppConfig } from '../config/app-config.js';
import { requestLogOptions } from './request-log.js';

/** JSON logs through pino; tokens never reach the log. */
@Module({})
export class LoggingModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: requestLogOptions(config.LOG_LEVEL),
        }),
      ],
    };
  }
}
