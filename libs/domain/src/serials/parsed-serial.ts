import type { SchemeCode, SerialGrammarId } from '../schemes/scheme-catalog';
import { invalidSerial } from './serial-error';
import type { SerialRange } from './serial-range';

export type SerialAttributeValue = string | number | boolean | null;
export type SerialAttributes = Readonly<Record<string, SerialAttributeValue>>;

/** A serial block read from text: the ledger keys on `namespace` + `range`. */
export interface ParsedSerial {
  readonly scheme: SchemeCode;
  /**
   * What is printed, never a caller's label: the registry family (the scheme code where the print
   * names it), ':', then the constant part of the serial. Overlap checks compare within one namespace.
   */
  readonly namespace: string;
  readonly range: SerialRange;
  /** The one text form of this block; parsing it again yields the same block and text. */
  readonly canonical: string;
  readonly attributes: SerialAttributes;
}

/** One serial format: reads normalised text and prints a parsed block back in canonical form. */
export interface SerialGrammar {
  readonly id: SerialGrammarId;
  /** Human name of the format, for messages. */
  readonly title: string;
  /** One valid serial, for messages. */
  readonly example: string;
  /** The shape(s) accepted, for error details. */
  readonly expected: string;
  /** Cheap test on the leading characters; the grammars' shapes are mutually exclusive. */
  looksLike(text: string): boolean;
  /** `schemeHint` is the scheme the request named, already checked to use this grammar. */
  parse(text: string, schemeHint?: SchemeCode): ParsedSerial;
  /** Prints from the attributes and range, so a split piece of a block prints as its own serial. */
  format(parsed: ParsedSerial): string;
}

/** Reads an attribute `format` needs; a hand-built ParsedSerial missing it is refused, not printed wrongly. */
export function stringAttribute(parsed: ParsedSerial, name: string): string {
  const value = parsed.attributes[name];
  if (typeof value !== 'string' || value === '') throw missingAttribute(parsed, name, 'text');
  return value;
}

export function numberAttribute(parsed: ParsedSerial, name: string): number {
  const value = parsed.attributes[name];
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw missingAttribute(parsed, name, 'a whole number');
  return value;
}

export function optionalStringAttribute(parsed: ParsedSerial, name: string): string | null {
  const value = parsed.attributes[name];
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') throw missingAttribute(parsed, name, 'text or null');
  return value;
}

export function booleanAttribute(parsed: ParsedSerial, name: string): boolean {
  const value = parsed.attributes[name];
  if (typeof value !== 'boolean') throw missingAttribute(parsed, name, 'true or false');
  return value;
}

function missingAttribute(parsed: ParsedSerial, name: string, expected: string) {
  return invalidSerial(
    `a ${parsed.scheme} serial needs attribute ${name} (${expected}) to be printed`,
    `attributes.${name}`,
    expected,
  );
}
