import type { SchemeCode, SchemeUnit } from '../../schemes/scheme-catalog';
import { stringAttribute, type ParsedSerial, type SerialGrammar } from '../parsed-serial';
import { invalidSerial, quote } from '../serial-error';
import { readSerialRange } from '../serial-number';
import type { SerialRange } from '../serial-range';

/*
 * Green energy (SERIALS.md "Green energy"):
 *   GP-<issuer>-<certificateNo>-<startKWh>-<endKWh>   green power certificate, kWh
 *   GH-<issuer>-<certificateNo>-<startMJ>-<endMJ>     green heat certificate, MJ
 *   GEQ-<certificationNo>-<start>-<end>               certified CO2 equivalent, t-CO2e
 * An issuer code starts with a letter: GP and GH are also ISO codes (Guadeloupe, Ghana), so a digit
 * there means a Kyoto serial. Facility, energy source, period and the CO2 conversion factor are not
 * part of the serial; they are recorded with the block.
 */

interface GreenForm {
  readonly prefix: string;
  readonly scheme: SchemeCode;
  readonly unit: SchemeUnit;
  readonly fields: readonly { readonly name: string; readonly pattern: string; readonly description: string }[];
}

const ISSUER = { name: 'issuer', pattern: '[A-Z][A-Z0-9]{0,19}', description: 'issuer code: a letter, then up to 19 letters or digits' };
const CERTIFICATE_NO = { name: 'certificateNo', pattern: '[A-Z0-9]{1,20}', description: '1–20 letters and digits' };
const CERTIFICATION_NO = { name: 'certificationNo', pattern: '[A-Z0-9]{1,20}', description: '1–20 letters and digits' };

const GREEN_FORMS: readonly GreenForm[] = [
  { prefix: 'GP', scheme: 'GREEN_POWER', unit: 'kWh', fields: [ISSUER, CERTIFICATE_NO] },
  { prefix: 'GH', scheme: 'GREEN_HEAT', unit: 'MJ', fields: [ISSUER, CERTIFICATE_NO] },
  { prefix: 'GEQ', scheme: 'GREEN_CO2', unit: 't-CO2e', fields: [CERTIFICATION_NO] },
];

const compiled = GREEN_FORMS.map((form) => ({
  form,
  pattern: new RegExp(`^${form.prefix}-${form.fields.map((f) => `(${f.pattern})`).join('-')}-(\\d+)-(\\d+)$`, 'i'),
  shape: `${form.prefix}-${form.fields.map((f) => `<${f.name}>`).join('-')}-<start>-<end>`,
}));
const BY_PREFIX = new Map(compiled.map((c) => [c.form.prefix, c]));
const BY_SCHEME = new Map(compiled.map((c) => [c.form.scheme, c]));
const LOOKS_LIKE_GREEN = /^(?:GEQ-|G[PH]-[A-Z])/i;
const EXPECTED = compiled.map((c) => c.shape).join(' or ');

export const greenGrammar: SerialGrammar = {
  id: 'green',
  title: 'green energy certificate',
  example: 'GP-ABC-123-1-1000',
  expected: EXPECTED,
  looksLike: (text) => LOOKS_LIKE_GREEN.test(text),
  parse(text) {
    const prefix = text.slice(0, text.indexOf('-')).toUpperCase();
    const entry = BY_PREFIX.get(prefix);
    if (!entry) throw invalidSerial(`unknown green certificate prefix ${quote(prefix)}`, 'serial', EXPECTED);
    const match = entry.pattern.exec(text) ?? diagnose(text, entry);
    const values = entry.form.fields.map((_, index) => match[index + 1]!.toUpperCase());
    const last = entry.form.fields.length;
    return toParsed(entry.form, values, readSerialRange(match[last + 1]!, match[last + 2]!));
  },
  format(parsed) {
    const entry = BY_SCHEME.get(parsed.scheme);
    if (!entry) throw invalidSerial(`${parsed.scheme} is not a green energy scheme`, 'scheme', 'GREEN_POWER, GREEN_HEAT or GREEN_CO2');
    return print(entry.form, entry.form.fields.map((f) => stringAttribute(parsed, f.name)), parsed.range);
  },
};

function toParsed(form: GreenForm, values: readonly string[], range: SerialRange): ParsedSerial {
  const attributes: Record<string, string> = { unit: form.unit };
  form.fields.forEach((field, index) => (attributes[field.name] = values[index]!));
  return {
    scheme: form.scheme,
    namespace: `${form.scheme}:${form.prefix}-${values.join('-')}`,
    range,
    canonical: print(form, values, range),
    attributes,
  };
}

function print(form: GreenForm, values: readonly string[], range: SerialRange): string {
  return `${form.prefix}-${values.join('-')}-${range.start}-${range.end}`;
}

function diagnose(text: string, entry: (typeof compiled)[number]): never {
  const parts = text.split('-');
  const wanted = entry.form.fields.length + 3;
  if (parts.length !== wanted) {
    throw invalidSerial(`a ${entry.form.prefix} serial has ${wanted} parts separated by "-", got ${parts.length}`, 'serial', entry.shape);
  }
  entry.form.fields.forEach((field, index) => {
    if (!new RegExp(`^(?:${field.pattern})$`, 'i').test(parts[index + 1]!)) {
      throw invalidSerial(`${field.name} ${quote(parts[index + 1]!)} is not ${field.description}`, `serial.${field.name}`, field.description);
    }
  });
  const [start, end] = parts.slice(-2);
  const bad = /^\d+$/.test(start!) ? { name: 'end', value: end! } : { name: 'start', value: start! };
  throw invalidSerial(`${bad.name} ${quote(bad.value)} must be digits`, `serial.${bad.name}`, entry.shape);
}
