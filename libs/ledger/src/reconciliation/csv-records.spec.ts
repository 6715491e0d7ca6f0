import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { csvRecords } from './csv-records';

async function all(chunks: string[] | string): Promise<string[][]> {
  const out: string[][] = [];
  const source = typeof chunks === 'string' ? chunks : (async function* () {
    yield* chunks.map((c) => Buffer.from(c));
  })();
  for await (const batch of csvRecords(source)) out.push(...batch);
  return out;
}

describe('csvRecords: the reconciliation CSV reader', () => {
  it('reads plain and quoted fields, doubled quotes, commas and line breaks inside quotes, CRLF, a BOM, no final newline', async () => {
    const text = '\ufeffa,b,c\r\n1,"x, y","say ""hi"""\r\n\r\n2,"line\nbreak",\n3,,z';
    expect(await all(text)).toEqual([
      ['a', 'b', 'c'],
      ['1', 'x, y', 'say "hi"'],
      ['2', 'line\nbreak', ''],
      ['3', '', 'z'],
    ]);
  });

  it('reads the same records as csv-parse, however the bytes are cut into chunks (a UTF-8 character split too)', async () => {
    const cell = fc.oneof(fc.constantFrom('', 'é', '江苏', 'a"b', 'x,y', 'l\nm', 'r\r\ns'), fc.string({ maxLength: 5 }).filter((s) => !s.includes('\r')));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 7 }), async (rows, cut) => {
        const width = rows[0]!.length;
        const table = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? 'v'));
        const text = table.map((r) => r.map((c) => (/[",\n\r]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n');
        const bytes = Buffer.from(text);
        const chunks: Buffer[] = [];
        for (let i = 0; i < bytes.length; i += cut) chunks.push(bytes.subarray(i, i + cut));
        const out: string[][] = [];
        for await (const batch of csvRecords((async function* () { yield* chunks; })())) out.push(...batch);
        const expected = (parse(text, { relax_column_count: true, skip_empty_lines: true }) as string[][]);
        expect(out).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
