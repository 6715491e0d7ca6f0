import { DomainError } from '@registry/domain';
import { EXPORT_HOLDINGS_FORMATS } from './export-holdings-formats';
import type { HoldingsFormat } from './holdings-format';

const normalise = (name: string) => name.trim().toLowerCase();

/** The registry's own statement: `serial,scheme,registry,reference` (any order; `scheme` may be empty or absent). */
export const REGISTRY_FORMAT: HoldingsFormat = {
  name: 'registry',
  matches: (header) => {
    const names = header.map(normalise);
    return ['serial', 'registry', 'reference'].every((n) => names.includes(n));
  },
  reader: (header) => {
    const names = header.map(normalise);
    const [serial, scheme, registry, reference] = ['serial', 'scheme', 'registry', 'reference'].map((n) => names.indexOf(n));
    return (cells) => ({
      serial: cells[serial] ?? '',
      scheme: scheme < 0 ? '' : (cells[scheme] ?? ''),
      registry: cells[registry] ?? '',
      reference: cells[reference] ?? '',
    });
  },
};

// The registry's own format first: its header is the one a provider writes by hand.
const FORMATS: HoldingsFormat[] = [REGISTRY_FORMAT, ...EXPORT_HOLDINGS_FORMATS];

export function holdingsFormatNames(): string[] {
  return FORMATS.map((f) => f.name);
}

/** Refuses an unknown `format` up front (400 naming the field), before any job starts. */
export function assertHoldingsFormat(name: string | undefined): void {
  if (name === undefined || FORMATS.some((f) => f.name === name)) return;
  throw new DomainError('VALIDATION_FAILED', `format: unknown statement format ${JSON.stringify(name)}; known: ${holdingsFormatNames().join(', ')}`, {
    errors: [{ field: 'format', message: `one of ${holdingsFormatNames().join(', ')}` }],
  });
}

/** The named format (its header must fit it) or the first whose header fits; a DomainError naming the header otherwise. */
export function holdingsFormatFor(header: readonly string[], named: string | null | undefined): HoldingsFormat {
  const candidates = named ? FORMATS.filter((f) => f.name === named) : FORMATS;
  const format = candidates.find((f) => f.matches(header));
  if (format) return format;
  const seen = header.slice(0, 12).join(',');
  const message = named
    ? `header: the header (${seen}) is not that of the ${named} format`
    : `header: no known statement format has this header (${seen}); the registry's own is serial,scheme,registry,reference (known formats: ${holdingsFormatNames().join(', ')})`;
  throw new DomainError('VALIDATION_FAILED', message, { errors: [{ field: 'header', message }] });
}
