import type { INestApplication } from '@nestjs/common';
import { SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { DomainErrorFilter } from './common/http/domain-error.filter.js';
import helmet, { type HelmetOptions } from 'helmet';
import type { Server } from 'node:http';
import { answerClientError } from './common/http/client-error.js';
import { stampArrivals } from './common/http/request-arrival.js';
import { InputSafetyGuard } from './common/http/input-safety.guard.js';
import { buildOpenApiDocument } from './common/http/openapi-document.js';
import { AppConfig } from './config/app-config.js';
import { RequestDeadlineInterceptor } from './common/http/request-deadline.interceptor.js';
import { serveConsole } from './console/serve-console.js';
import { HttpMetrics } from './metrics/http-metrics.js';
import { traceRequests } from './tracing/http-tracing.js';
import { createValidationPipe } from './common/http/validation.pipe.js';

/** Helmet's headers (nosniff, frame options, HSTS behind TLS, no X-Powered-By); the CSP lets Swagger UI at /docs run. */
const SECURITY_HEADERS: HelmetOptions = {
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      // Served on plain HTTP inside a network too: same-origin assets must not be rewritten to https.
      upgradeInsecureRequests: null,
    },
  },
};

const KEEP_ALIVE_MS = 65_000;

/** Everything an API instance needs besides its modules; shared by main.ts and the tests. */
export function configureApp(app: INestApplication): INestApplication {
  app.useLogger(app.get(Logger));
  const server = app.getHttpServer() as Server;
  server.on('clientError', answerClientError);
  stampArrivals(server);
  // Clients that keep their connections (browsers, generated clients, a proxy in front) must not send a request on
  // one the server is closing at that moment: idle connections are kept longer than such clients' usual 60 s.
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.headersTimeout = KEEP_ALIVE_MS + 1000;
  app.use(traceRequests);
  app.use(app.get(HttpMetrics).middleware);
  app.use(helmet(SECURITY_HEADERS));
  // The Temporal Web UI calls the codec endpoint from the browser, with the user's bearer token.
  app.enableCors({
    origin: app
      .get(AppConfig)
      .TEMPORAL_UI_ORIGIN.split(',')
      .map((o) => o.trim()),
    methods: ['GET', 'POST'],
    allowedHeaders: ['Authorization', 'Content-Type', 'X-Namespace'],
  });
  serveConsole(app);
  app.useGlobalGuards(new InputSafetyGuard());
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new DomainErrorFilter());
  app.useGlobalInterceptors(new RequestDeadlineInterceptor(app.get(AppConfig).REQUEST_TIMEOUT_MS));
  app.enableShutdownHooks();
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('docs', app, document);
  return app;
}
