import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { describeProblems, PROBLEM_SCHEMA } from './openapi-problems';
import { routeFacts, type RouteFacts } from './openapi-routes';

type Operation = OpenAPIObject['paths'][string]['get'] & object;
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('offset-registry')
    .setDescription(
      'Registry and ledger of retired carbon-offset credit serials. Errors are RFC 9457 problem details ' +
        '(application/problem+json) with a stable `code`; each operation lists the codes it may answer. ' +
        'Serial bounds and quantities are decimal strings. `Accept-Language: ja` gives Japanese problem titles and details.',
    )
    .setVersion('1')
    .setOpenAPIVersion('3.1.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'opaque API key', description: 'API key of an organisation, or the admin key' }, 'bearer')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  return enrich(document, routeFacts(app));
}

/**
 * Completes what decorators leave out, from the handlers' own metadata so it cannot drift: who may
 * call each operation (security and roles), the problems it answers, stable operation ids, and
 * integer paging limits.
 */
function enrich(document: OpenAPIObject, facts: Map<string, RouteFacts>): OpenAPIObject {
  document.components = { ...document.components, schemas: { ...document.components?.schemas, Problem: PROBLEM_SCHEMA } };
  toJsonSchemaNulls(document.components.schemas);
  const operations = Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((method) => ({ path, method, operation: item[method] as Operation })),
  );
  const methodCounts = new Map<string, number>();
  for (const { operation } of operations) {
    const fact = facts.get(operation.operationId ?? '');
    if (fact) methodCounts.set(fact.method, (methodCounts.get(fact.method) ?? 0) + 1);
  }
  for (const { path, operation } of operations) {
    const fact = facts.get(operation.operationId ?? '');
    if (!fact) continue;
    operation.operationId = methodCounts.get(fact.method) === 1 ? fact.method : `${lowerFirst(fact.controller.replace(/Controller$/, ''))}${upperFirst(fact.method)}`;
    operation.security = fact.isPublic ? [] : [{ bearer: [] }];
    (operation as Operation & { 'x-roles'?: string[] })['x-roles'] = fact.isPublic ? ['public'] : fact.roles;
    const who = fact.isPublic ? 'Public (no key needed).' : `Needs a key with one of the roles: ${fact.roles.join(', ')}.`;
    operation.description = operation.description ? `${operation.description}\n\n${who}` : who;
    operation.responses = { ...operation.responses, ...describeProblems({ fact, hasBody: Boolean(operation.requestBody), hasPathParameters: path.includes('{') }) };
    spreadsheetsAsFiles(operation);
    for (const parameter of operation.parameters ?? []) {
      if ('name' in parameter && parameter.name === 'limit' && parameter.in === 'query') {
        parameter.schema = { type: 'integer', minimum: 1, maximum: 1000, default: 100 };
      }
    }
  }
  return document;
}

/** Lists answer JSON pages, or the whole list as a file: the page schema the decorators copy to every produced type only fits JSON. */
function spreadsheetsAsFiles(operation: Operation): void {
  for (const response of Object.values(operation.responses ?? {})) {
    const content = response && 'content' in response ? response.content : undefined;
    for (const [type, media] of Object.entries(content ?? {})) {
      if (type.includes('json')) continue;
      media.schema = type.startsWith('text/') ? { type: 'string' } : { type: 'string', format: 'binary' };
    }
  }
}

/** OpenAPI 3.1 schemas are JSON Schema: `nullable: true` (3.0, what the decorators emit) becomes a `null` type. */
function toJsonSchemaNulls(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(toJsonSchemaNulls);
  if (node === null || typeof node !== 'object') return;
  const schema = node as Record<string, unknown>;
  if (schema.nullable === true) {
    delete schema.nullable;
    if (Array.isArray(schema.allOf) && schema.allOf.length === 1) {
      // A nullable reference: `allOf` with a `null` type would still demand the referenced object.
      schema.anyOf = [schema.allOf[0], { type: 'null' }];
      delete schema.allOf;
      delete schema.type;
    } else if (typeof schema.type === 'string') {
      schema.type = [schema.type, 'null'];
      if (Array.isArray(schema.enum)) schema.enum = [...schema.enum, null];
    }
  }
  Object.values(schema).forEach(toJsonSchemaNulls);
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
const upperFirst = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function mountOpenApi(app: INestApplication): void {
  SwaggerModule.setup('docs', app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: 'docs-json',
    swaggerOptions: { persistAuthorization: true },
  });
}
