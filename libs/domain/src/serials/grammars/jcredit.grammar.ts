import {
  findJCreditSymbol,
  JCREDIT_CREDIT_TYPES,
  JCREDIT_SERIAL_LAYOUT,
  JCREDIT_SYMBOLS,
} from '../../schemes/jcredit-family';
import type { SchemeCode } from '../../schemes/scheme-catalog';
import { stringAttribute, type SerialGrammar } from '../parsed-serial';
import { invalidSerial, quote } from '../serial-error';
import { canonicalDigits, readSerialRange } from '../serial-number';

/*
 * J-Credit registry family: <constant fields of JCREDIT_SERIAL_LAYOUT>-<start>-<end>, today
 * `<symbol>-<creditType>-<certificationNo>-<start>-<end>` (JCL-ERL-R012-1000001-1000500).
 * The layout is unconfirmed, so the pattern is compiled from the layout data rather than written here.
 * Letters are read in either case and printed upper-case; the symbol names the scheme, except that an
 * explicit REGIONAL_JCREDIT claims a serial with a J-Credit or prefectural symbol.
 */

const { separator, constantFields } = JCREDIT_SERIAL_LAYOUT;
/**
 * Every J-Credit family serial lives in the one J-Credit registry, so the namespace is that registry plus
 * what is printed, never the scheme: REGIONAL_JCREDIT or PREF_JVER on a NIG serial is a label on the same
 * credit, and a label must not make a second credit out of it (API.md "One credit, one identity").
 */
export const JCREDIT_REGISTRY_NAMESPACE = 'JCREDIT_REGISTRY';
const escapedSeparator = separator.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const SERIAL_PATTERN = new RegExp(
  `^${[...constantFields.map((f) => `(${f.pattern})`), '(\\d+)', '(\\d+)'].join(escapedSeparator)}$`,
  'i',
);
const FIELD_PATTERNS = constantFields.map((f) => new RegExp(`^(?:${f.pattern})$`, 'i'));
const LOOKS_LIKE_JCREDIT = /^[A-Z]{2,4}-[A-Z]/i;
const HAS_LOWER_CASE = /[a-z]/;
const LOWER_CASE_RUN = /[a-z]+/g;
const FIELD_COUNT = constantFields.length;
const SYMBOL_INDEX = constantFields.findIndex((f) => f.name === 'symbol');
const CREDIT_TYPE_INDEX = constantFields.findIndex((f) => f.name === 'creditType');
const CREDIT_TYPES = new Set(JCREDIT_CREDIT_TYPES);

const EXPECTED = `${[...constantFields.map((f) => f.name), 'start', 'end'].join(separator)}, e.g. ${JCREDIT_SERIAL_LAYOUT.example}`;

export const jcreditGrammar: SerialGrammar = {
  id: 'jcredit',
  title: 'J-Credit family',
  example: 'JCL-ERL-R012-1000001-1000500',
  expected: EXPECTED,
  looksLike: (text) => LOOKS_LIKE_JCREDIT.test(text),
  parse(text, schemeHint) {
    // ASCII only: toUpperCase would also turn 'ı' and 'ſ' into valid letters.
    const upper = HAS_LOWER_CASE.test(text) ? text.replace(LOWER_CASE_RUN, (run) => run.toUpperCase()) : text;
    const match = SERIAL_PATTERN.exec(upper) ?? diagnose(upper);
    const startDigits = match[FIELD_COUNT + 1]!;
    const endDigits = match[FIELD_COUNT + 2]!;
    const constantPart = upper.slice(0, upper.length - startDigits.length - endDigits.length - 2 * separator.length);
    const scheme = schemeOf(match, schemeHint);
    const range = readSerialRange(startDigits, endDigits);
    const attributes: Record<string, string> = {};
    for (let index = 0; index < FIELD_COUNT; index++) attributes[constantFields[index]!.name] = match[index + 1]!;
    return {
      scheme,
      namespace: `${JCREDIT_REGISTRY_NAMESPACE}:${constantPart}`,
      range,
      canonical: `${constantPart}${separator}${canonicalDigits(startDigits)}${separator}${canonicalDigits(endDigits)}`,
      attributes,
    };
  },
  format(parsed) {
    const constants = constantFields.map((f) => stringAttribute(parsed, f.name));
    return `${constants.join(separator)}${separator}${parsed.range.start}${separator}${parsed.range.end}`;
  },
};

/** Groups 1… of `match` are the constant fields, in layout order. */
function schemeOf(match: RegExpExecArray, schemeHint: SchemeCode | undefined): SchemeCode {
  const symbolText = match[SYMBOL_INDEX + 1]!;
  const creditType = match[CREDIT_TYPE_INDEX + 1]!;
  const symbol = findJCreditSymbol(symbolText);
  if (!symbol) {
    throw invalidSerial(
      `unknown scheme symbol ${quote(symbolText)}`,
      'serial.symbol',
      `one of ${JCREDIT_SYMBOLS.map((s) => s.symbol).join(', ')}`,
    );
  }
  if (!CREDIT_TYPES.has(creditType)) {
    throw invalidSerial(
      `unknown credit type ${quote(creditType)}`,
      'serial.creditType',
      `one of ${JCREDIT_CREDIT_TYPES.join(', ')}`,
    );
  }
  if (schemeHint === undefined || schemeHint === symbol.scheme) return symbol.scheme;
  if (schemeHint === 'REGIONAL_JCREDIT' && symbol.regionalJCreditAllowed) return 'REGIONAL_JCREDIT';
  throw invalidSerial(
    `scheme ${schemeHint} was given but symbol ${symbol.symbol} denotes ${symbol.scheme}`,
    'scheme',
    symbol.regionalJCreditAllowed ? `${symbol.scheme} or REGIONAL_JCREDIT` : symbol.scheme,
  );
}

/** Slow path once the pattern failed: names the first part that does not fit. */
function diagnose(text: string): never {
  const parts = text.split(separator);
  const wanted = constantFields.length + 2;
  if (parts.length !== wanted) {
    throw invalidSerial(
      `a J-Credit serial has ${wanted} parts separated by ${quote(separator)}, got ${parts.length}`,
      'serial',
      EXPECTED,
    );
  }
  constantFields.forEach((field, index) => {
    if (!FIELD_PATTERNS[index]!.test(parts[index]!)) {
      throw invalidSerial(
        `${field.name} ${quote(parts[index]!)} is not ${field.description}`,
        `serial.${field.name}`,
        field.description,
      );
    }
  });
  const [start, end] = parts.slice(constantFields.length);
  const bad = /^\d+$/.test(start!) ? { name: 'end', value: end! } : { name: 'start', value: start! };
  throw invalidSerial(`${bad.name} ${quote(bad.value)} must be digits`, `serial.${bad.name}`, EXPECTED);
}
