import type { INestApplication } from '@nestjs/common';
import { SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { DomainErrorFilter } from './common/http/domain-error.filter.js';
import type { Server } from 'node:http';
import { answerClientError } from './common/http/client-error.js';
import { InputSafetyGuard } from './common/http/input-safety.guard.js';
import { buildOpenApiDocument } from './common/http/openapi-document.js';
import { createValidationPipe } from './common/http/validation.pipe.js';

/** Everything an API instance needs besides its modules; shared by main.ts and the tests. */
export function configureApp(app: INestApplication): INestApplication {
  app.useLogger(app.get(Logger));
  (app.getHttpServer() as Server).on('clientError', answerClientError);
  app.useGlobalGuards(new InputSafetyGuard());
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new DomainErrorFilter());
  app.enableShutdownHooks();
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('docs', app, document);
  return app;
}
