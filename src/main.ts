import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { configureApp } from './app-setup.js';
import { AppModule } from './app.module.js';
import { ExpressServerAdapter } from './common/http/express-server.js';
import { loadConfig } from './config/app-config.js';
import { exitOnBootFailure } from './config/boot-failure.js';
import { startTracing } from './tracing/tracing.js';

async function bootstrap(): Promise<void> {
  startTracing('data-sharing-approvals-api');
  const config = loadConfig();
  const app = configureApp(
    await NestFactory.create(AppModule.forRoot(config), new ExpressServerAdapter(), { bufferLogs: true }),
  );
  await app.listen(config.PORT, config.HOST);
}

bootstrap().catch(exitOnBootFailure('api'));
