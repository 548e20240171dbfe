import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { ErrorBodyDto } from './dto/shared-response.dto.js';
import { ERROR_MEANINGS, ROLES_EXTENSION } from './api-contract.js';

type Operation = NonNullable<OpenAPIObject['paths'][string]['get']>;

const LANGUAGE_HEADER = {
  name: 'Accept-Language',
  in: 'header' as const,
  required: false,
  description: 'Messages and texts in Simplified Chinese by default; `en` for English',
  schema: { type: 'string' as const, example: 'zh-CN' },
};

const errorResponse = (status: keyof typeof ERROR_MEANINGS) => ({
  description: ERROR_MEANINGS[status],
  content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBodyDto' } } },
});

/**
 * What every operation shares, added once: the language header, 401 where a
 * token is needed, 500 and 503, and the required roles in the description.
 */
function addSharedContract(document: OpenAPIObject): OpenAPIObject {
  for (const path of Object.values(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const operation: Operation | undefined = path[method];
      if (!operation) continue;
      operation.parameters = [...(operation.parameters ?? []), LANGUAGE_HEADER];
      operation.responses['500'] ??= errorResponse(500);
      // Any request may find the database or the engine out of reach, or not answering within the request limit.
      operation.responses['503'] ??= errorResponse(503);
      if (operation.security?.length) operation.responses['401'] ??= errorResponse(401);
      const roles = (operation as unknown as Record<string, string[] | undefined>)[ROLES_EXTENSION];
      if (roles)
        operation.description = `${operation.description ? `${operation.description}\n\n` : ''}Roles: ${roles.join(', ')}.`;
    }
  }
  return document;
}

/** The API contract: the document a generated client is built from. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Data-sharing approvals')
    .setDescription(
      'Statutory procedures of local data-sharing regulations, run as Temporal workflows. Every error is an ErrorBodyDto; ' +
        'timestamps are ISO-8601 instants with their offset; dates are YYYY-MM-DD in Asia/Shanghai.',
    )
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    extraModels: [ErrorBodyDto],
    // cases_createShareRequest, tasks_complete…: names a generated client can use as they are.
    operationIdFactory: (controller, method) =>
      `${controller.replace(/Controller$/, '').replace(/^./, (c) => c.toLowerCase())}_${method}`,
  });
  return addSharedContract(document);
}
