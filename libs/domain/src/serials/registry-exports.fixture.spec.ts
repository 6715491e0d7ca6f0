import { parse } from 'csv-parse/sync';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { SchemeCode } from '../schemes/scheme-catalog';
import type { ExportRow, RegistryExportFormat } from '../registry-exports';
import { bindExportLayout, detectExportLayout } from '../registry-exports';
import { formatSerial, parseSerial } from './parse-serial';
import type { ParsedSerial } from './parsed-serial';

// Real registry exports live beside the clone (CI checks them out next to it): <repo>/../shared/...
const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const EXPORTS_DIR = path.resolve(REPO_ROOT, '..', 'shared', 'fixtures', 'registry-exports');

type Row = Record<string, string>;

interface SerialExport {
  /** The product's table that reads the file (libs/domain/src/registry-exports). */
  readonly format: RegistryExportFormat;
  readonly layout: string;
  readonly schemes: readonly SchemeCode[];
  /** Attributes that the export's own columns confirm: [attribute value, column value] pairs. */
  readonly confirmedBy?: (parsed: ParsedSerial, row: Row) => [unknown, unknown][];
}

const vintage = (parsed: ParsedSerial, row: Row): [unknown, unknown] => [parsed.attributes['vintage'], Number(row['Vintage'])];

const SERIAL_EXPORTS: Record<string, SerialExport> = {
  'american-carbon-registry/cancellations.csv': {
    format: 'acr',
    layout: 'cancellations',
    schemes: ['ACR'],
    confirmedBy: (p, row) => [[`ACR${p.attributes['projectNumber']}`, row['Project ID']], vintage(p, row)],
  },
  'american-carbon-registry/retirements.csv': {
    format: 'acr',
    layout: 'retirements',
    schemes: ['ACR'],
    confirmedBy: (p, row) => [
      [`ACR${p.attributes['projectNumber']}`, row['Project ID']],
      [p.attributes['country'], row['Project Site Country']],
      vintage(p, row),
    ],
  },
  'art-trees/cancellations.csv': {
    format: 'art',
    layout: 'cancellations',
    schemes: ['ART'],
    confirmedBy: (p, row) => [[`ART${p.attributes['programNumber']}`, row['Program ID']], vintage(p, row)],
  },
  'art-trees/retirements.csv': {
    format: 'art',
    layout: 'retirements',
    schemes: ['ART'],
    confirmedBy: (p, row) => [[`ART${p.attributes['programNumber']}`, row['Program ID']], vintage(p, row)],
  },
  'climate-action-reserve/cancellations.csv': {
    format: 'car',
    layout: 'cancellations',
    schemes: ['CAR'],
    confirmedBy: (p, row) => [[`CAR${p.attributes['projectNumber']}`, row['Project ID']], vintage(p, row)],
  },
  'climate-action-reserve/retirements.csv': {
    format: 'car',
    layout: 'retirements',
    schemes: ['CAR'],
    confirmedBy: (p, row) => [[`CAR${p.attributes['projectNumber']}`, row['Project ID']], vintage(p, row)],
  },
  // Three rows of this file are CDM CERs moved to Gold Standard, printed in the Kyoto DES form.
  'gold-standard/issuances.csv': {
    format: 'gold-standard',
    layout: 'issuances',
    schemes: ['GOLD_STANDARD', 'KYOTO'],
    confirmedBy: (p, row) => (p.scheme === 'GOLD_STANDARD' ? [[p.attributes['projectId'], `GS${row['GSID']}`], vintage(p, row)] : []),
  },
  'gold-standard/retirements.csv': {
    format: 'gold-standard',
    layout: 'retirements',
    schemes: ['GOLD_STANDARD'],
    confirmedBy: (p, row) => [[p.attributes['projectId'], `GS${row['GSID']}`], vintage(p, row)],
  },
  'verra/transactions.csv': {
    format: 'verra',
    layout: 'transactions',
    schemes: ['VERRA'],
    confirmedBy: (p, row) => [
      [p.attributes['projectId'], row['ID']],
      [p.attributes['vintageStart'], row['Vintage Start']],
      [p.attributes['vintageEnd'], row['Vintage End']],
    ],
  },
  'cercarbono/retirements.csv': {
    format: 'cercarbono',
    layout: 'retirements',
    schemes: ['CERCARBONO'],
    confirmedBy: (p, row) => [[p.attributes['projectNumber'], row['project_id']]],
  },
  // Issuances give only the block code and its size, no range: the table reads "<code> 1 to <size>"
  // to check the code and the size. Retirements show most blocks numbered 1..size but five 2019
  // blocks 0..size−1 (see the test below).
  'cercarbono/issuances.csv': {
    format: 'cercarbono',
    layout: 'issuances',
    schemes: ['CERCARBONO'],
    confirmedBy: (p, row) => [[p.attributes['buffer'], row['is_buffer'] === 'True']],
  },
};

/** Exports that carry no serial block, and why. */
const EXPORTS_WITHOUT_SERIALS: Record<string, string> = {
  'american-carbon-registry/issuances.csv': 'issuance totals per project and vintage only',
  'american-carbon-registry/projects.csv': 'project list',
  'arb/nc-arboc_issuance_sheet3.csv': 'CARB issuance sheet: issuance ids and counts, no serial ranges',
  'art-trees/issuances.csv': 'issuance totals per programme and vintage only',
  'art-trees/projects.csv': 'programme list',
  'cercarbono/projects.csv': 'its `serials` column repeats issuances.csv (block codes and sizes) as Python literals',
  'climate-action-reserve/issuances.csv': 'issuance totals per project and vintage only',
  'climate-action-reserve/projects.csv': 'project list',
  'gold-standard/projects.csv': 'project list',
  'isometric/issuances.csv': 'Isometric numbers no serials; it exports fractional credit amounts and kilograms',
  'isometric/projects.csv': 'project list',
  'isometric/retirements.csv': 'Isometric numbers no serials; retirement ids and fractional amounts only',
  'verra/projects.csv': 'project list',
};

function readRows(file: string): Row[] {
  return parse(readFileSync(path.join(EXPORTS_DIR, file)), { columns: true, bom: true, skip_empty_lines: true }) as Row[];
}

/** Each row read through the layout the product detects from the header, beside its raw cells. */
function readExport(file: string): { layoutName: string; format: string; rows: { row: Row; read: ExportRow }[] } {
  const [header, ...records] = parse(readFileSync(path.join(EXPORTS_DIR, file)), { bom: true, skip_empty_lines: true }) as string[][];
  const choice = detectExportLayout(header!);
  if (!choice.layout) throw new Error(choice.problem);
  const bound = bindExportLayout(choice.layout, header!);
  const rows = records.map((cells) => ({ row: Object.fromEntries(header!.map((name, i) => [name, cells[i] ?? ''])), read: bound.read(cells) }));
  return { layoutName: choice.layout.name, format: choice.layout.format, rows };
}

const fixturesPresent = existsSync(EXPORTS_DIR);
if (!fixturesPresent) {
  console.warn(`registry export fixtures not found at ${EXPORTS_DIR}; skipping the fixture tests (CI has them beside the clone)`);
}
const describeWithFixtures = fixturesPresent ? describe : describe.skip;

describeWithFixtures('real registry exports', () => {
  it('lists every export file either with its serial column or as having none', () => {
    const files = readdirSync(EXPORTS_DIR, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.csv'))
      .map((f) => f.split(path.sep).join('/'))
      .sort();
    expect(files).toEqual([...Object.keys(SERIAL_EXPORTS), ...Object.keys(EXPORTS_WITHOUT_SERIALS)].sort());
  });

  describe.each(Object.entries(SERIAL_EXPORTS))('%s', (file, spec) => {
    const read = fixturesPresent ? readExport(file) : { layoutName: '', format: '', rows: [] };
    const rows = read.rows;

    it('has rows to check', () => {
      expect(rows.length).toBeGreaterThan(0);
    });

    it('is detected from its header as the format and layout of the product table', () => {
      expect([read.format, read.layoutName]).toEqual([spec.format, spec.layout]);
    });

    it('SERIALS: every serial parses, end − start + 1 equals the quantity column, and it round-trips', () => {
      const failures: string[] = [];
      for (const [index, { row, read: exported }] of rows.entries()) {
        const text = exported.serial;
        try {
          const parsed = parseSerial(text);
          const quantity = BigInt(exported.quantity!);
          if (!spec.schemes.includes(parsed.scheme)) failures.push(`row ${index + 2}: ${text} read as ${parsed.scheme}`);
          if (parsed.range.quantity !== quantity) {
            failures.push(`row ${index + 2}: ${text} holds ${parsed.range.quantity}, the export says ${quantity}`);
          }
          if (formatSerial(parsed) !== parsed.canonical) failures.push(`row ${index + 2}: format(parse(${text})) is not canonical`);
          if (parseSerial(parsed.canonical).canonical !== parsed.canonical) failures.push(`row ${index + 2}: canonical of ${text} is unstable`);
          for (const [fromSerial, fromColumns] of spec.confirmedBy?.(parsed, row) ?? []) {
            if (fromSerial !== fromColumns) failures.push(`row ${index + 2}: ${text} has ${fromSerial}, the columns say ${fromColumns}`);
          }
        } catch (error) {
          failures.push(`row ${index + 2}: ${text}: ${(error as Error).message}`);
        }
      }
      expect(failures).toEqual([]);
    });

    it('prints exactly the text of the export, when the export already uses the canonical form', () => {
      const differing = rows.map((r) => r.read.serial).filter((text) => parseSerial(text).canonical !== text);
      expect(differing).toEqual([]);
    });
  });

  it('Cercarbono retirements stay within the issued size of their block, numbered from 0 or from 1', () => {
    const issued = new Map(readRows('cercarbono/issuances.csv').map((row) => [row['serial']!, BigInt(row['issued_quantity']!)]));
    const retiredByBlock = new Map<string, ParsedSerial[]>();
    for (const { read } of readExport('cercarbono/retirements.csv').rows) {
      const parsed = parseSerial(read.serial);
      const code = parsed.attributes['blockCode'] as string;
      retiredByBlock.set(code, [...(retiredByBlock.get(code) ?? []), parsed]);
    }
    const outside: string[] = [];
    const zeroBased: string[] = [];
    for (const [code, retired] of retiredByBlock) {
      const size = issued.get(code);
      const first = retired.reduce((low, p) => (p.range.start < low ? p.range.start : low), retired[0]!.range.start);
      const base = first === 0n ? 0n : 1n;
      if (base === 0n) zeroBased.push(code);
      for (const p of retired) {
        if (size === undefined || p.range.end > base + size - 1n) outside.push(p.canonical);
      }
    }
    expect(outside).toEqual([]);
    expect(zeroBased.sort()).toEqual([1, 2, 3, 4, 5].map((n) => `CDC_${n}_1_1_321_14_1`));
  });

  it('no two retired or cancelled blocks of one export overlap within a namespace', () => {
    const overlaps: string[] = [];
    for (const file of Object.keys(SERIAL_EXPORTS)) {
      if (file.endsWith('issuances.csv') || file.startsWith('verra/')) continue;
      const blocks = readExport(file).rows.map(({ read }) => parseSerial(read.serial));
      blocks.forEach((a, i) =>
        blocks.slice(i + 1).forEach((b) => {
          if (a.namespace === b.namespace && a.range.overlaps(b.range)) overlaps.push(`${file}: ${a.canonical} / ${b.canonical}`);
        }),
      );
    }
    expect(overlaps).toEqual([]);
  });
});
