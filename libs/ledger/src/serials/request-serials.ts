import { DomainError, parseSerial, SerialRange, type ParsedSerial, type SchemeCode } from '@registry/domain';

export const MAX_SERIALS_PER_REQUEST = 1000;

/** Parses one request field; an unreadable serial names the field it came from. */
export function parseRequestSerial(text: string, field: string, scheme?: SchemeCode): ParsedSerial {
  try {
    return parseSerial(text, scheme);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'INVALID_SERIAL') {
      const inner = String(error.details.field ?? 'serial');
      const path = inner === 'serial' ? field : inner.replace(/^serial/, field);
      throw new DomainError('INVALID_SERIAL', `${field}: ${error.message}`, { ...error.details, field: path });
    }
    throw error;
  }
}

export function assertSerialCount(count: number): void {
  if (count > MAX_SERIALS_PER_REQUEST) {
    throw new DomainError('TOO_MANY_SERIALS', `at most ${MAX_SERIALS_PER_REQUEST} serials per request; got ${count}`, {
      field: 'serials',
      limit: MAX_SERIALS_PER_REQUEST,
    });
  }
}

/** Parses a list of serials: at most 1,000, none repeated or overlapping another. */
export function parseRequestSerials(texts: readonly string[], scheme?: SchemeCode): ParsedSerial[] {
  assertSerialCount(texts.length);
  const parsed = texts.map((text, i) => parseRequestSerial(text, `serials[${i}]`, scheme));
  const indexed = parsed.map((p, index) => ({ p, index }));
  indexed.sort((a, b) => (a.p.namespace < b.p.namespace ? -1 : a.p.namespace > b.p.namespace ? 1 : SerialRange.compare(a.p.range, b.p.range)));
  for (let i = 1; i < indexed.length; i++) {
    const [a, b] = [indexed[i - 1], indexed[i]];
    if (a.p.namespace === b.p.namespace && a.p.range.overlaps(b.p.range)) {
      const [first, second] = [a.index, b.index].sort((x, y) => x - y);
      throw new DomainError('DUPLICATE_SERIALS', `serials[${first}] and serials[${second}] overlap (${a.p.canonical} / ${b.p.canonical})`, {
        field: `serials[${second}]`,
        duplicates: [first, second],
      });
    }
  }
  return parsed;
}
