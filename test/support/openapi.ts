import { randomUUID } from 'node:crypto';
import type { TestApp } from './test-app';

/** The parts of an OpenAPI 3 document the generated tests read. */
export interface OpenApiSchema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  items?: OpenApiSchema;
  properties?: Record<string, OpenApiSchema>;
  required?: string[];
  allOf?: OpenApiSchema[];
  nullable?: boolean;
}

export interface OpenApiParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: OpenApiSchema;
}

export interface OpenApiOperation {
  parameters?: OpenApiParameter[];
  requestBody?: { content: Record<string, { schema?: OpenApiSchema }> };
  security?: Record<string, string[]>[];
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, OpenApiSchema> };
}

/** One route of the document: `key` is `METHOD /path/{param}`, the form the test tables use. */
export interface RouteOperation {
  key: string;
  method: string;
  path: string;
  operation: OpenApiOperation;
}

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace']);

/** The document the running app serves, so the tests see exactly the routes a client sees. */
export async function fetchOpenApiDocument(t: TestApp): Promise<OpenApiDocument> {
  const res = await t.http.get('/docs-json').expect(200);
  return res.body as OpenApiDocument;
}

export function routesOf(doc: OpenApiDocument): RouteOperation[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => HTTP_METHODS.has(method))
      .map(([method, operation]) => ({ key: `${method.toUpperCase()} ${path}`, method: method.toUpperCase(), path, operation })),
  );
}

export function resolveSchema(doc: OpenApiDocument, schema: OpenApiSchema | undefined): OpenApiSchema | undefined {
  if (!schema) return undefined;
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    return resolveSchema(doc, doc.components?.schemas?.[name]);
  }
  if (schema.allOf?.length === 1) return resolveSchema(doc, schema.allOf[0]);
  return schema;
}

export function jsonBodySchemaOf(doc: OpenApiDocument, operation: OpenApiOperation): OpenApiSchema | undefined {
  return resolveSchema(doc, operation.requestBody?.content['application/json']?.schema);
}

export function parametersOf(operation: OpenApiOperation, where: OpenApiParameter['in']): OpenApiParameter[] {
  return (operation.parameters ?? []).filter((p) => p.in === where);
}

export function pathParameterNames(path: string): string[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
}

/** `/v1/claims/{id}` with `{id}` replaced by `valueOf('id')` (the caller encodes the value). */
export function fillPath(path: string, valueOf: (name: string) => string): string {
  return path.replace(/\{([^}]+)\}/g, (_, name: string) => valueOf(name));
}

/**
 * The smallest body the schema accepts as far as the document tells: required members only, each
 * from its `example` (or a neutral value of its type). It gets a request past the validation pipe,
 * to the checks a route makes on the resource (ownership, state).
 */
export function minimalValue(doc: OpenApiDocument, raw: OpenApiSchema | undefined): unknown {
  const schema = resolveSchema(doc, raw);
  if (!schema) return {};
  if (schema.example !== undefined) return schema.example;
  if (schema.enum?.length) return schema.enum[0];
  if (schema.properties || schema.type === 'object') {
    const out: Record<string, unknown> = {};
    for (const name of schema.required ?? []) out[name] = minimalValue(doc, schema.properties?.[name]);
    return out;
  }
  switch (schema.type) {
    case 'array':
      return [minimalValue(doc, schema.items)];
    case 'integer':
    case 'number':
      return 1;
    case 'boolean':
      return false;
    default:
      return schema.format === 'uuid' ? randomUUID() : 'x';
  }
}
