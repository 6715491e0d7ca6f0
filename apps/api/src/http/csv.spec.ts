import { parse } from 'csv-parse/sync';
import { neutraliseFormula } from '@registry/documents';
import { toCsv } from './csv';

describe('CSV writing', () => {
  it.each(['=1+1', '+81-3-0000', '-2+3', '@SUM(A1)', '\tx', '\rx', "=HYPERLINK(\"http://evil\",\"click\")"])(
    'prefixes %p with an apostrophe',
    (cell) => {
      expect(neutraliseFormula(cell)).toBe(`'${cell}`);
    },
  );

  it.each(['', 'JCL-ERL-R012-1-10', '株式会社サンプル', ' =1', '1-2', "'already text", '{"a":1}', '\n=x'])('leaves %p as it is', (cell) => {
    expect(neutraliseFormula(cell)).toBe(cell);
  });

  it('starts with a UTF-8 BOM, writes the header, and neutralises every kind of value', () => {
    const csv = toCsv(
      [
        { a: '=cmd|\' /C calc\'!A0', b: -5, c: { x: 1 }, d: '株式会社', e: true },
        { a: '@x', b: 3, c: null, d: '+1', e: undefined },
      ],
      ['a', 'b', 'c', 'd', 'e'],
    );
    expect(csv.startsWith('\ufeffa,b,c,d,e\n')).toBe(true);
    const rows = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows).toEqual([
      { a: "'=cmd|' /C calc'!A0", b: "'-5", c: '{"x":1}', d: '株式会社', e: '1' },
      { a: "'@x", b: '3', c: '', d: "'+1", e: '' },
    ]);
  });

  it('keeps a cell with a line break in one quoted field', () => {
    const rows = parse(toCsv([{ a: '\r\n=evil' }], ['a']), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows).toEqual([{ a: "'\r\n=evil" }]);
  });
});
