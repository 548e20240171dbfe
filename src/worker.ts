import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NativeConnection } from '@temporalio/worker';
import { PinoLogger } from 'nestjs-pino';
import { createActivities } from '../activities/index.js';
import { loadConfig } from './config/app-config.js';
import { repositoriesOf } from './database/repositories.js';
import { exitOnBootFailure } from './config/boot-failure.js';
import { createWorker } from './engine/create-worker.js';
import { installTemporalRuntime } from './engine/temporal-runtime.js';
import { startTracing } from './tracing/tracing.js';
import { WorkerModule } from './worker.module.js';

async function bootstrap(): Promise<void> {
  const traceExport = startTracing('data-sharing-approvals-worker');
  const config = loadConfig();
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { bufferLogs: true });
  const logger = await app.resolve(PinoLogger);
  installTemporalRuntime(logger.logger, config.WORKER_METRICS_ADDRESS || undefined);
  const connection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS });
  try {
    const worker = await createWorker({
      connection,
      config,
      traceExport,
      activities: createActivities(repositoriesOf(app)),
    });
    // Resolves after SIGINT/SIGTERM: the runtime's shutdown signals drain the worker first.
    await worker.run();
  } finally {
    await connection.close();
    await app.close();
  }
}

bootstrap().catch(exitOnBootFailure('worker'));
