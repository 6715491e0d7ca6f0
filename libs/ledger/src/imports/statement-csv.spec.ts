import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { Readable } from 'node:stream';
import { STATEMENT_CSV_OPTIONS, statementCsvRecords } from './statement-csv';

/** Records, or the error's message, as csv-parse gives them for the whole text. */
function csvParse(text: string): string[][] | string {
  try {
    return parse(text, STATEMENT_CSV_OPTIONS) as string[][];
  } catch (error) {
    return (error as Error).message;
  }
}

async function read(bytes: Buffer, cut: number): Promise<string[][] | string> {
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += cut) chunks.push(bytes.subarray(i, i + cut));
  const out: string[][] = [];
  try {
    for await (const batch of statementCsvRecords(Readable.from(chunks))) out.push(...batch);
    return out;
  } catch (error) {
    return (error as Error).message;
  }
}

describe('statementCsvRecords: the holdings statement CSV reader', () => {
  it('reads plain lines natively: LF or CRLF, a BOM, empty lines, no final line break', async () => {
    const text = '\ufeffserial,scheme,registry,reference\r\nJCL-1-10,,R,s 1\r\n\r\nJCL-11-20,JCREDIT,R,s 2';
    expect(await read(Buffer.from(text), 7)).toEqual([
      ['serial', 'scheme', 'registry', 'reference'],
      ['JCL-1-10', '', 'R', 's 1'],
      ['JCL-11-20', 'JCREDIT', 'R', 's 2'],
    ]);
  });

  it('gives csv-parse the rest of the file from the first quote, with the same line numbers in its errors', async () => {
    const unclosed = 'a,b\n\nc,d\ne,"f\ng';
    expect(csvParse(unclosed)).toBe('Quote Not Closed: the parsing is finished with an opening quote at line 5');
    expect(await read(Buffer.from(unclosed), 3)).toBe(csvParse(unclosed));
    const quoted = 'a,b\r\n1,"x, ""y"""\r\nz\r\n';
    expect(await read(Buffer.from(quoted), 4)).toEqual([['a', 'b'], ['1', 'x, "y"'], ['z']]);
  });

  it('reads the same records as csv-parse, or fails with the same message, however the bytes are cut', async () => {
    const piece = fc.constantFrom('', 'a', 'é', '江苏', ',', '"', '""', '\n', '\r\n', '\r', ' ', 'x"y', '\ufeff');
    const text = fc.oneof(
      fc.array(piece, { maxLength: 30 }).map((p) => p.join('')),
      // mostly plain lines, the usual statement, with the odd quote or line break
      fc.tuple(fc.array(fc.array(fc.constantFrom('JCL-1-10', '', 'R', 'é'), { minLength: 1, maxLength: 4 }), { maxLength: 8 }), fc.constantFrom('\n', '\r\n'), fc.array(piece, { maxLength: 4 }), fc.boolean()).map(
        ([rows, eol, tail, bom]) => (bom ? '\ufeff' : '') + rows.map((r) => r.join(',')).join(eol) + tail.join(''),
      ),
    );
    await fc.assert(
      fc.asyncProperty(text, fc.integer({ min: 1, max: 9 }), async (t, cut) => {
        expect(await read(Buffer.from(t), cut)).toEqual(csvParse(t));
      }),
      { numRuns: 2000 },
    );
  });
});
