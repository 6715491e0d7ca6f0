import type { SchemeCode } from '../../schemes/scheme-catalog';
import { numberAttribute, stringAttribute, type ParsedSerial, type SerialGrammar } from '../parsed-serial';
import { invalidSerial, quote } from '../serial-error';
import { readSerialRange } from '../serial-number';
import { memoizeText } from '../../text/text-memo';

/*
 * "<prefix>-<start> to <end>" of the APX-hosted registries (ACR, Climate Action Reserve, ART):
 *   ACR-US-1185-2025-3078-1 to 85847
 *   CAR-1-US-1335-31-983-KS-2025-9205-1 to 5000, CAR-ROC-US-2056-129-2283-WV-2025-8969-1 to 260294
 *   ART-GY-102-2021-11-2759599 to 2760598, FCPF-CI-130-2023-20-1 to 46404 (FCPF blocks live in the ART registry)
 * The whole prefix is the constant part: the namespace body. Field names follow the exports' own
 * columns where they confirm them (project, country, state, vintage); see the notes in the table.
 */

interface PrefixField {
  readonly name: string;
  readonly shape: RegExp;
  /** Stored as a number attribute (years), else as text. */
  readonly numeric?: boolean;
}

interface ToRangeForm {
  readonly scheme: SchemeCode;
  readonly leads: readonly string[];
  readonly fields: readonly PrefixField[];
  readonly example: string;
}

const LEAD = { name: 'lead', shape: /^[A-Z]+$/ };
const COUNTRY = { name: 'country', shape: /^[A-Z]{2}$/ };
const DIGITS = /^\d+$/;
const VINTAGE = { name: 'vintage', shape: /^\d{4}$/, numeric: true };
const BATCH = { name: 'batch', shape: DIGITS };

const TO_RANGE_FORMS: readonly ToRangeForm[] = [
  {
    scheme: 'ACR',
    leads: ['ACR'],
    fields: [LEAD, COUNTRY, { name: 'projectNumber', shape: DIGITS }, VINTAGE, BATCH],
    example: 'ACR-US-1185-2025-3078-1 to 85847',
  },
  {
    scheme: 'CAR',
    leads: ['CAR'],
    fields: [
      LEAD,
      // "1" on voluntary credits, "ROC" on ARB/WA compliance ones.
      { name: 'creditClass', shape: /^[A-Z0-9]+$/ },
      COUNTRY,
      { name: 'projectNumber', shape: DIGITS },
      // Same value for every project of one protocol in the export (31 nitric acid tertiary, 129 mine methane…).
      { name: 'protocolCode', shape: DIGITS },
      // Meaning unconfirmed; shared by two projects at one plant, so probably the developer's account.
      { name: 'accountCode', shape: DIGITS },
      { name: 'region', shape: /^[A-Z]{2,3}$/ },
      VINTAGE,
      BATCH,
    ],
    example: 'CAR-1-US-1335-31-983-KS-2025-9205-1 to 5000',
  },
  {
    scheme: 'ART',
    leads: ['ART', 'FCPF'],
    fields: [LEAD, COUNTRY, { name: 'programNumber', shape: DIGITS }, VINTAGE, BATCH],
    example: 'ART-GY-102-2021-11-2759599 to 2760598',
  },
];

const FORM_BY_LEAD = new Map(TO_RANGE_FORMS.flatMap((form) => form.leads.map((lead) => [lead, form] as const)));
const FORM_BY_SCHEME = new Map(TO_RANGE_FORMS.map((form) => [form.scheme, form]));
const TO_RANGE = /^([A-Z0-9]+(?:-[A-Z0-9]+)*)-(\d+) to (\d+)$/i;
const LOOKS_LIKE_TO_RANGE = /^(?:ACR|CAR|ART|FCPF)-/i;
const EXPECTED = `<prefix>-<start> to <end>, e.g. ${TO_RANGE_FORMS.map((f) => f.example).join('; ')}`;

export const toRangeGrammar: SerialGrammar = {
  id: 'to-range',
  title: 'ACR / Climate Action Reserve / ART',
  example: 'CAR-1-US-1335-31-983-KS-2025-9205-1 to 5000',
  expected: EXPECTED,
  looksLike: (text) => LOOKS_LIKE_TO_RANGE.test(text),
  parse(text) {
    const m = TO_RANGE.exec(text);
    if (!m) {
      throw invalidSerial(`expected "<prefix>-<start> to <end>", got ${quote(text)}`, 'serial', EXPECTED);
    }
    const { form, attributes, body } = prefixOf(m[1]!);
    const range = readSerialRange(m[2]!, m[3]!);
    return {
      scheme: form.scheme,
      namespace: `${form.scheme}:${body}`,
      range,
      canonical: `${body}-${range.start} to ${range.end}`,
      attributes,
    };
  },
  format(parsed) {
    const form = FORM_BY_SCHEME.get(parsed.scheme);
    if (!form) throw invalidSerial(`${parsed.scheme} does not print as "<prefix>-<start> to <end>"`, 'scheme', 'ACR, CAR or ART');
    const body = form.fields.map((f) => (f.numeric ? String(numberAttribute(parsed, f.name)) : stringAttribute(parsed, f.name)));
    return `${body.join('-')}-${parsed.range.start} to ${parsed.range.end}`;
  },
};

/**
 * The constant part of a serial, read once per distinct prefix: an export's million rows name a few
 * thousand blocks' prefixes. Its attributes are shared by every serial of that prefix, so frozen.
 */
const prefixOf = memoizeText((prefix: string) => {
  const parts = prefix.toUpperCase().split('-');
  const form = FORM_BY_LEAD.get(parts[0]!);
  if (!form) throw invalidSerial(`unknown serial prefix ${quote(parts[0]!)}`, 'serial', EXPECTED);
  return { form, attributes: Object.freeze(readPrefix(form, parts)), body: parts.join('-') };
});

function readPrefix(form: ToRangeForm, parts: readonly string[]): ParsedSerial['attributes'] {
  if (parts.length !== form.fields.length) {
    throw invalidSerial(
      `a ${form.scheme} serial prefix has ${form.fields.length} parts before the start, got ${parts.length}`,
      'serial',
      `${form.fields.map((f) => f.name).join('-')}-<start> to <end>, e.g. ${form.example}`,
    );
  }
  const attributes: Record<string, string | number> = {};
  form.fields.forEach((field, index) => {
    const part = parts[index]!;
    if (!field.shape.test(part)) {
      throw invalidSerial(`${field.name} ${quote(part)} does not fit a ${form.scheme} serial`, `serial.${field.name}`, form.example);
    }
    attributes[field.name] = field.numeric ? Number(part) : part;
  });
  return attributes;
}
