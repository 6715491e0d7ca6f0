/** A JSON Schema subset, as openapi.json writes response schemas. */
interface Schema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  required?: string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  additionalProperties?: boolean | Schema;
  allOf?: Schema[];
  anyOf?: Schema[];
  oneOf?: Schema[];
}

interface Document {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema?: Schema }> }> }>>;
  components: { schemas: Record<string, Schema> };
}

const typeOf = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value === 'number' && Number.isInteger(value) ? 'integer' : typeof value;

/**
 * Where `value` breaks `schema`: wrong types, missing required members, values outside an enum.
 * Members the schema does not name are allowed (a client keeps what it does not know).
 */
export function schemaMismatches(document: Document, schema: Schema, value: unknown, at = '$'): string[] {
  if (schema.$ref) return schemaMismatches(document, document.components.schemas[schema.$ref.replace('#/components/schemas/', '')]!, value, at);
  if (schema.allOf) return schema.allOf.flatMap((s) => schemaMismatches(document, s, value, at));
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) {
    const fits = branches.some((s) => schemaMismatches(document, s, value, at).length === 0);
    return fits ? [] : [`${at}: fits none of its alternatives`];
  }
  const problems: string[] = [];
  if (schema.type) {
    const allowed = ([] as string[]).concat(schema.type);
    const actual = typeOf(value);
    if (!allowed.includes(actual) && !(actual === 'integer' && allowed.includes('number'))) return [`${at}: ${actual}, the contract says ${allowed.join(' or ')}`];
  }
  if (schema.enum && !schema.enum.includes(value)) problems.push(`${at}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`);
  if (Array.isArray(value) && schema.items) value.forEach((item, i) => problems.push(...schemaMismatches(document, schema.items!, item, `${at}[${i}]`)));
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    for (const name of schema.required ?? []) if (!(name in record)) problems.push(`${at}.${name}: missing`);
    for (const [name, member] of Object.entries(schema.properties ?? {})) {
      if (name in record) problems.push(...schemaMismatches(document, member, record[name], `${at}.${name}`));
    }
  }
  return problems;
}

/** Mismatches between a JSON answer and the schema its operation documents for that status (none documented: none). */
export function responseMismatches(document: Document, path: string, method: string, status: number, body: unknown): string[] {
  const schema = document.paths[path]?.[method]?.responses[String(status)]?.content?.['application/json']?.schema;
  return schema ? schemaMismatches(document, schema, body) : [];
}
