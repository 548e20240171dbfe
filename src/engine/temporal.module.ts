import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { OpenTelemetryWorkflowClientInterceptor } from '@temporalio/interceptors-opentelemetry';
import { AppConfig } from '../config/app-config.js';
import { CaseEngine } from './case-engine.js';
import { dataConverterOf } from './data-converter.js';

/**
 * The Temporal client for the API, used only through the CaseEngine gateway. The connection is lazy so the API boots
 * (and /health reports the engine down) even while Temporal is unreachable.
 */
@Global()
@Module({
  providers: [
    {
      provide: Client,
      inject: [AppConfig],
      useFactory: (config: AppConfig) =>
        new Client({
          connection: Connection.lazy({ address: config.TEMPORAL_ADDRESS }),
          namespace: config.TEMPORAL_NAMESPACE,
          dataConverter: dataConverterOf(config),
          // Starts and updates carry the active span (the HTTP request's) into the workflow.
          interceptors: { workflow: [new OpenTelemetryWorkflowClientInterceptor()] },
        }),
    },
    CaseEngine,
  ],
  exports: [Client, CaseEngine],
})
export class TemporalModule implements OnApplicationShutdown {
  constructor(@Inject(Client) private readonly client: Client) {}

  async onApplicationShutdown(): Promise<void> {
    await this.client.connection.close();
  }
}
