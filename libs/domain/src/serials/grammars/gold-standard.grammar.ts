import { numberAttribute, stringAttribute, type SerialGrammar } from '../parsed-serial';
import { invalidSerial, quote } from '../serial-error';
import { readSerialRange } from '../serial-number';

/*
 * Gold Standard: prefix-country-project-projectType-vintage-batch-start-end, e.g.
 * GS1-1-KE-GS11603-16-2025-30256-110-5463 (prefix "GS1-1", project GS11603, type 16, vintage 2025,
 * batch 30256, units 110–5463). Numbering restarts in every batch, so the namespace is everything
 * before the start.
 */

const GOLD_STANDARD = /^(GS\d+-\d+)-([A-Z]{2})-(GS\d+)-(\d+)-(\d{4})-(\d+)-(\d+)-(\d+)$/i;
const LOOKS_LIKE_GOLD_STANDARD = /^GS\d+-/i;
const EXPECTED = 'GS1-1-<country>-GS<project>-<projectType>-<vintage>-<batch>-<start>-<end>, e.g. GS1-1-KE-GS11603-16-2025-30256-110-5463';
const PARTS = [
  { name: 'prefix', shape: /^GS\d+$/i },
  { name: 'prefix', shape: /^\d+$/ },
  { name: 'country', shape: /^[A-Z]{2}$/i },
  { name: 'projectId', shape: /^GS\d+$/i },
  { name: 'projectType', shape: /^\d+$/ },
  { name: 'vintage', shape: /^\d{4}$/ },
  { name: 'batch', shape: /^\d+$/ },
  { name: 'start', shape: /^\d+$/ },
  { name: 'end', shape: /^\d+$/ },
];

export const goldStandardGrammar: SerialGrammar = {
  id: 'gold-standard',
  title: 'Gold Standard',
  example: 'GS1-1-KE-GS11603-16-2025-30256-110-5463',
  expected: EXPECTED,
  looksLike: (text) => LOOKS_LIKE_GOLD_STANDARD.test(text),
  parse(text) {
    const m = GOLD_STANDARD.exec(text) ?? diagnose(text);
    const prefix = m[1]!.toUpperCase();
    const country = m[2]!.toUpperCase();
    const projectId = m[3]!.toUpperCase();
    const constant = `${prefix}-${country}-${projectId}-${m[4]}-${m[5]}-${m[6]}`;
    const range = readSerialRange(m[7]!, m[8]!);
    return {
      scheme: 'GOLD_STANDARD',
      namespace: `GOLD_STANDARD:${constant}`,
      range,
      canonical: `${constant}-${range.start}-${range.end}`,
      attributes: { prefix, country, projectId, projectType: m[4]!, vintage: Number(m[5]), batch: m[6]! },
    };
  },
  format(parsed) {
    return [
      stringAttribute(parsed, 'prefix'),
      stringAttribute(parsed, 'country'),
      stringAttribute(parsed, 'projectId'),
      stringAttribute(parsed, 'projectType'),
      String(numberAttribute(parsed, 'vintage')).padStart(4, '0'),
      stringAttribute(parsed, 'batch'),
      parsed.range.start,
      parsed.range.end,
    ].join('-');
  },
};

function diagnose(text: string): never {
  const parts = text.split('-');
  if (parts.length !== PARTS.length) {
    throw invalidSerial(`a Gold Standard serial has ${PARTS.length} parts separated by "-", got ${parts.length}`, 'serial', EXPECTED);
  }
  PARTS.forEach(({ name, shape }, index) => {
    if (!shape.test(parts[index]!)) {
      throw invalidSerial(`${name} ${quote(parts[index]!)} does not fit a Gold Standard serial`, `serial.${name}`, EXPECTED);
    }
  });
  throw invalidSerial(`unreadable Gold Standard serial ${quote(text)}`, 'serial', EXPECTED);
}
