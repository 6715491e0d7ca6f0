import { ORGANIZATION_ROLES, SCHEME_CODES } from '@registry/domain';
import fc from 'fast-check';
import { resolveSchema, type OpenApiDocument, type OpenApiSchema } from './openapi';

/*
 * Values for the route fuzz: strings a careless or hostile client sends, field values that look
 * right (so requests get past the validation pipe into the use cases), and JSON that JavaScript
 * cannot express directly (deep nesting, huge numbers, escaped lone surrogates).
 */

/** Characters API.md refuses in free text: C0/C1 controls, bidi overrides and isolates, unpaired surrogates. */
export const FORBIDDEN_TEXT = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const FORBIDDEN_CHARS = ['\u0000', '\u0001', '\u0008', '\t', '\n', '\r', '\r\n', '\u001b', '\u007f', '\u0085', '\u009b', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\ud800', '\udbff', '\udc00', '\udfff'];
const ODD_CHARS = ['\u200b', '\u200d', '\ufeff', '\ufffd', '\uffff', '\u00a0', '\u3000', '\u{20bb7}', '\u{1f468}\u200d\u{1f469}\u200d\u{1f467}', 'e\u0301', 'Ａ', '１', '－', '‐', 'ｰ', '%', '&', '=', '#', '?', '+', '/', '\\', '"', "'", '<', '>'];

export const SAMPLE_SERIALS = [
  'JCL-ERL-R777-1-10',
  'JCL-ERL-R777-11-20',
  'JCL-ERL-R777-50-60',
  'JCL-ERL-R778-1-5',
  'JCL-ERL-R778-100-99999',
  'JCL-ERL-R012-1000001-1000100',
  'JCL-ERL-R012-1-9223372036854775808',
  'JCL-ERL-R901-0-9223372036854775807',
  'JCL-ERL-R012-99999999999999999999-99999999999999999999',
  'JCL-ERL-R012-200-100',
  'JCL-ERL-R012-1O-50',
  'ＪＣＬ－ＥＲＬ－Ｒ０１２－１０００００１－１０００５００',
  'jcl-erl-r012-1-10',
  ' JCL-ERL-R012-1-10 ',
  'JC-ER-0001-1-10',
  'JC-ER-1-9223372036854775806-9223372036854775807',
  'CN-7-100-200-1-2-1-555',
  'JP-1-1000-1999-1-1-0',
  'GP-JQA01-2024000123-1-250000',
  'GH-JQA01-77-1001-2000',
  'GEQ-2023001-1-12',
  '8344-23816000-23816120-VCU-016-MER-IN-1-711-01012011-31122011-1',
  'GS1-1-KE-GS11603-16-2025-30256-110-5463',
  'ACR-US-1185-2025-3078-1-85847',
];

const NASTY_CONSTANTS = [
  '',
  ' ',
  'null',
  'undefined',
  'NaN',
  'Infinity',
  '-1',
  '0',
  '1e309',
  '9223372036854775807',
  '9223372036854775808',
  '18446744073709551616',
  "' OR '1'='1",
  '1; --',
  '../../../../etc/passwd',
  '%00',
  '\u0000',
  'a\u0000b',
  '%',
  '%zz',
  '${jndi:ldap://x/a}',
  '{{7*7}}',
  '<script>alert(1)</script>',
  '=HYPERLINK("http://x","y")',
  '+1',
  '@SUM(1)',
  '\\',
  '\\u0000',
  '__proto__',
  'constructor',
  'toString',
  '0x10',
  '1_000',
  '１０００',
  '٣',
  'true',
  '[object Object]',
  ...SAMPLE_SERIALS,
];

/** A UTF-16 code unit at random: the only way to get lone surrogates out of fast-check. */
const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((u) => String.fromCharCode(u));

const hugeString = fc
  .tuple(fc.constantFrom(1_000, 70_000, 300_000), fc.constantFrom('x', 'あ', '\u202e', '\u{20bb7}', '0'))
  .map(([n, c]) => c.repeat(n));

/** Text with one refused or odd character somewhere in it. */
const textWithSpecialChar = fc
  .tuple(fc.string({ maxLength: 8 }), fc.constantFrom(...FORBIDDEN_CHARS, ...ODD_CHARS), fc.string({ maxLength: 8 }))
  .map(([a, c, b]) => a + c + b);

/** Any string a client may send; `huge` adds strings of 1,000 to 300,000 characters (bodies only, never URLs). */
export function nastyString(options: { huge?: boolean } = {}): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.string({ maxLength: 30 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
    { weight: 2, arbitrary: fc.string({ unit: anyCodeUnit, maxLength: 12 }) },
    { weight: 3, arbitrary: fc.constantFrom(...NASTY_CONSTANTS) },
    { weight: 3, arbitrary: textWithSpecialChar },
    { weight: options.huge ? 1 : 0, arbitrary: hugeString },
  );
}

/** JSON text spliced into a body as is: what JSON.stringify cannot produce from a JS value. */
export class RawJson {
  constructor(
    readonly text: string,
    readonly label: string,
  ) {}
  [fc.toStringMethod](): string {
    return `RawJson(${this.label})`;
  }
}

/** How deep a JSON text nests arrays and objects (API.md refuses more than 64 levels). */
export function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '[' || c === '{') max = Math.max(max, ++depth);
    else if (c === ']' || c === '}') depth--;
  }
  return max;
}

export function deeplyNested(depth: number, kind: 'array' | 'object'): RawJson {
  const text = kind === 'array' ? '['.repeat(depth) + '1' + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
  return new RawJson(text, `${kind} nested ${depth} deep`);
}

const deepNesting = fc.tuple(fc.constantFrom(10, 63, 64, 65, 200, 3000), fc.constantFrom<'array' | 'object'>('array', 'object')).map(([d, k]) => deeplyNested(d, k));

const oddJsonLiterals = fc.constantFrom(
  '1e400',
  '-0',
  '123456789012345678901234567890',
  '0.1e-999',
  '"\\u0000"',
  '"\\ud800"',
  '"\\udc00x"',
  '"a\\u202eb"',
  '"\\u0000\\u0000"',
  '{"__proto__":{"admin":true}}',
  '{"constructor":{"prototype":{"admin":true}}}',
).map((text) => new RawJson(text, text));

/** A value of the wrong kind where anything else was expected. */
export function wildValue(): fc.Arbitrary<unknown> {
  const leaf = fc.oneof(
    nastyString({ huge: true }),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constant({}),
    fc.constant([]),
    oddJsonLiterals,
    deepNesting,
  );
  return fc.oneof({ weight: 6, arbitrary: leaf }, { weight: 1, arbitrary: fc.array(leaf, { maxLength: 3 }) }, { weight: 1, arbitrary: fc.dictionary(nastyString(), leaf, { maxKeys: 2 }) });
}

/** Ids the fuzz knows exist (claims, organisations, retirements), so requests get past the lookups. */
export interface KnownIds {
  organizations: string[];
  claims: string[];
  retirements: string[];
  certificates: string[];
  apiKeys: string[];
}

const dates = fc.oneof(
  fc.date({ min: new Date('1989-01-01T00:00:00Z'), max: new Date('2031-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom('0001-01-01', '9999-12-31', '2024-02-29', '2025-02-29', '2024-02-30', '2025-13-01', '2025-1-1', '20250101', '2025-04-01T00:00:00Z', '2025-04-01T23:59:59+09:00', '令和7年4月1日'),
);

const decimals = fc.oneof(
  fc.nat().map(String),
  fc.tuple(fc.nat({ max: 99999 }), fc.nat({ max: 9999 })).map(([a, b]) => `${a}.${b}`),
  fc.constantFrom('0', '-1', '1e3', '0.0000001', '1'.repeat(400), ' 1', '１２', '1,000', '.5', '5.', 'NaN', 'Infinity'),
);

const serials = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...SAMPLE_SERIALS) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.integer({ min: 700, max: 780 }), fc.nat({ max: 2000 }), fc.nat({ max: 2000 }))
      .map(([c, a, n]) => `JCL-ERL-R${c}-${a}-${a + n}`),
  },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...SAMPLE_SERIALS), textWithSpecialChar).map(([s, x]) => s + x) },
  { weight: 1, arbitrary: nastyString() },
);

/** One more than a request may name (API.md: at most 1,000), all distinct. */
const TOO_MANY_SERIALS = Array.from({ length: 1_001 }, (_, i) => `JCL-ERL-R790-${i + 1}-${i + 1}`);

const freeText = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('株式会社サンプル', 'Carbon neutral FY2025', '照明のLED化', 'ACME Ltd.') },
  { weight: 3, arbitrary: textWithSpecialChar },
  { weight: 2, arbitrary: nastyString({ huge: true }) },
);

/** Field-name hints: the values a route expects under that name, plus near misses. */
function hintFor(name: string, ids: KnownIds): fc.Arbitrary<unknown> | undefined {
  const idOf = (pool: string[]) => fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...pool) }, { weight: 1, arbitrary: fc.uuid() }, { weight: 1, arbitrary: nastyString() });
  switch (name) {
    case 'serial':
    case 'serials':
      return serials;
    case 'scheme':
      return fc.oneof(fc.constantFrom(...SCHEME_CODES), fc.constantFrom('jcredit', 'J-CREDIT', 'VERIFIER'), nastyString());
    case 'roles':
      return fc.array(fc.constantFrom(...ORGANIZATION_ROLES, 'admin', 'verifier', 'ADMIN', ''), { maxLength: 6 });
    case 'retiredOn':
    case 'start':
    case 'end':
    case 'validFrom':
    case 'validTo':
    case 'date':
    case 'by':
    case 'applicationDate':
    case 'cnApplicationDate':
    case 'issuedOn':
    case 'receivedOn':
      return dates;
    case 'expiresAt':
      return fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), dates);
    case 'scope1':
    case 'scope2':
    case 'scope3':
    case 'suppliedToOthers':
    case 'quantity':
    case 'cfpPerUnitKg':
    case 'stageCfpPerUnitKg':
    case 'tonnes':
      return decimals;
    case 'baseYear':
      return fc.oneof(fc.integer({ min: 1985, max: 2030 }), fc.constantFrom(-1, 2.5, 1e9), fc.array(fc.integer({ min: 1985, max: 2030 }), { maxLength: 4 }), fc.constant('2013'));
    case 'corporateNumber':
      return fc.oneof(fc.constantFrom('7000012050002', '1234567890123'), fc.stringMatching(/^\d{13}$/), nastyString());
    case 'applicantId':
    case 'providerId':
    case 'toOrganizationId':
    case 'organizationId':
    case 'creatorId':
      return idOf(ids.organizations);
    case 'claimId':
    case 'planClaimId':
      return idOf(ids.claims);
    case 'beneficiary':
    case 'purpose':
    case 'reason':
    case 'name':
    case 'reference':
    case 'registry':
    case 'label':
    case 'boundary':
    case 'calculationMethod':
    case 'reductionMeasures':
    case 'labelUse':
      return freeText;
    default:
      return undefined;
  }
}

const EXTRA_KEYS = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'isAdmin', 'ownerId', 'status', 'id', 'organizationId', ''), nastyString());

/**
 * A value for `schema` that is mostly right (so the request reaches the use case) with, now and
 * then, a wrong-typed, huge, oddly encoded, deeply nested or unknown member somewhere in it.
 */
export function valueFor(doc: OpenApiDocument, raw: OpenApiSchema | undefined, name: string, ids: KnownIds, depth = 0): fc.Arbitrary<unknown> {
  const schema = resolveSchema(doc, raw);
  const right = rightValueFor(doc, schema, name, ids, depth);
  return fc.oneof({ weight: 6, arbitrary: right }, { weight: 1, arbitrary: wildValue() });
}

function rightValueFor(doc: OpenApiDocument, schema: OpenApiSchema | undefined, name: string, ids: KnownIds, depth: number): fc.Arbitrary<unknown> {
  const hint = hintFor(name, ids);
  if (schema?.type === 'array' || schema?.items) {
    const item = valueFor(doc, schema.items, name, ids, depth + 1);
    return fc.oneof(
      { weight: 8, arbitrary: fc.array(item, { minLength: 1, maxLength: 4 }) },
      { weight: 1, arbitrary: fc.constant([]) },
      { weight: 1, arbitrary: fc.constant(TOO_MANY_SERIALS) },
      { weight: 1, arbitrary: item },
    );
  }
  if (hint) return hint;
  if (schema?.enum?.length) return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...schema.enum) }, { weight: 1, arbitrary: nastyString() });
  if (schema?.properties && depth < 4) return objectFor(doc, schema, ids, depth);
  switch (schema?.type) {
    case 'integer':
    case 'number':
      return fc.oneof(fc.integer(), fc.double());
    case 'boolean':
      return fc.oneof({ weight: 4, arbitrary: fc.boolean() }, { weight: 1, arbitrary: fc.constantFrom('true', 1, null) });
    default:
      return nastyString({ huge: true });
  }
}

function objectFor(doc: OpenApiDocument, schema: OpenApiSchema, ids: KnownIds, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const required = new Set(schema.required ?? []);
  const members = Object.entries(schema.properties ?? {}).map(([key, sub]) =>
    fc.option(valueFor(doc, sub, key, ids, depth + 1).map((v) => [key, v] as const), { freq: required.has(key) ? 15 : 2, nil: undefined }),
  );
  const extra = fc.option(fc.array(fc.tuple(EXTRA_KEYS, wildValue()), { minLength: 1, maxLength: 2 }), { freq: 8, nil: undefined });
  return fc.tuple(fc.tuple(...members), extra).map(([present, more]) => {
    const out: Record<string, unknown> = {};
    // defineProperty, so that a member named __proto__ is an own member (as JSON.parse makes it), not the prototype.
    for (const entry of [...present, ...(more ?? [])]) if (entry) Object.defineProperty(out, entry[0], { value: entry[1], enumerable: true, configurable: true, writable: true });
    return out;
  });
}

/** JSON text of a value, with RawJson parts spliced in verbatim. */
export function toJsonText(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return `[${value.map(toJsonText).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value)
      .map((k) => `${JSON.stringify(k)}:${toJsonText((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Every member path of a JSON value (`['evidence', 'reference']`, `['serials', 0]`), the value itself as `[]`. */
function memberPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  const own = [path];
  if (Array.isArray(value)) return [...own, ...value.flatMap((v, i) => memberPaths(v, [...path, i]))];
  if (value && typeof value === 'object') return [...own, ...Object.entries(value).flatMap(([k, v]) => memberPaths(v, [...path, k]))];
  return own;
}

function withMember(value: unknown, path: (string | number)[], replace: (old: unknown) => unknown | typeof REMOVE): unknown {
  if (path.length === 0) return replace(value);
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = [...value];
    const next = withMember(copy[Number(head)], rest, replace);
    if (next === REMOVE) copy.splice(Number(head), 1);
    else copy[Number(head)] = next;
    return copy;
  }
  const copy: Record<string, unknown> = { ...(value as object) };
  const next = withMember(copy[head], rest, replace);
  if (next === REMOVE) delete copy[head];
  else copy[head] = next;
  return copy;
}

const REMOVE = Symbol('remove');

/**
 * A body the route accepts, with one member replaced (by a near miss for its name, refused free
 * text, a wrong type, huge, nested deep…), removed, or joined by an unknown member: so that a
 * request fails, if it fails, for that one member.
 */
export function oneMemberMutated(valid: unknown, ids: KnownIds): fc.Arbitrary<unknown> {
  const paths = memberPaths(valid);
  return fc.constantFrom(...paths).chain((path) => {
    const key = String([...path].reverse().find((p) => typeof p === 'string') ?? '');
    const nearMiss = hintFor(key, ids) ?? nastyString({ huge: true });
    const replacement = fc.oneof(
      { weight: 4, arbitrary: nearMiss },
      { weight: 2, arbitrary: textWithSpecialChar },
      { weight: 2, arbitrary: wildValue() },
      { weight: path.length ? 1 : 0, arbitrary: fc.constant(REMOVE) },
    );
    const extraMember = fc.tuple(EXTRA_KEYS, wildValue());
    return fc.oneof(
      { weight: 6, arbitrary: replacement.map((r) => withMember(valid, path, () => r)) },
      {
        weight: valid && typeof valid === 'object' && !Array.isArray(valid) ? 1 : 0,
        arbitrary: extraMember.map(([k, v]) => {
          const copy = { ...(valid as object) };
          Object.defineProperty(copy, k, { value: v, enumerable: true, configurable: true, writable: true });
          return copy;
        }),
      },
    );
  });
}

export const INVALID_JSON_TEXTS = ['{', '{"a":}', '{"a":1,}', "{'a':1}", 'NaN', '\ufeff{}', '{"a":1}{"b":2}', '', ' ', '\u0000', '{"serial":"a","serial":"b"}', '[1,2', '"\\x41"', '{"a":"\\ud800"}', 'tru', '{"a":1e999999}'];

/** Whole bodies: the schema's object (mostly), or invalid, non-object, or deeply nested JSON. */
export function jsonBodyFor(doc: OpenApiDocument, schema: OpenApiSchema | undefined, ids: KnownIds): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 14, arbitrary: valueFor(doc, schema, '', ids).map(toJsonText) },
    { weight: 1, arbitrary: fc.constantFrom(...INVALID_JSON_TEXTS) },
    { weight: 1, arbitrary: deepNesting.map((raw) => raw.text) },
    { weight: 1, arbitrary: fc.constantFrom('null', '[]', '""', '0', 'true', '{}', '[{}]') },
  );
}

/** CSV bodies for routes that take text/csv: a `serial` column (or not), odd quoting, formula cells. */
export const csvBody: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('serial', 'serial,scheme', 'Serial', '\ufeffserial', 'serials', '', '"serial"', 'serial;scheme'),
    fc.array(fc.oneof(serials, fc.constantFrom('"unclosed', '=cmd|\'/c calc\'!A1', '"a""b"', ',,,', '\u0000')), { maxLength: 6 }),
    fc.constantFrom('\n', '\r\n', '\r'),
  )
  .map(([header, rows, eol]) => [header, ...rows].join(eol));
