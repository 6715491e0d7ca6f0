import type { RefusedRowRecord } from '@registry/ledger';
import { refusedRowsCsv } from './refused-rows-csv';

const refused = (row: number, serial: string): RefusedRowRecord => ({ row, serial, code: 'VALIDATION_FAILED', message: 'serial: unreadable' });

async function text(pages: RefusedRowRecord[][]): Promise<string> {
  let out = '';
  for await (const chunk of refusedRowsCsv((async function* () { yield* pages; })())) out += chunk;
  return out;
}

describe('refusedRowsCsv', () => {
  it('writes the BOM and header, then every page in order, formula cells neutralised', async () => {
    const csv = await text([[refused(2, 'JCL-ERL-R012-1-10'), refused(3, '=HYPERLINK("x")')], [], [refused(7, '@SUM(1)')]]);
    expect(csv).toBe(
      '\ufeffrow,serial,code,message\n' +
        '2,JCL-ERL-R012-1-10,VALIDATION_FAILED,serial: unreadable\n' +
        `3,"'=HYPERLINK(""x"")",VALIDATION_FAILED,serial: unreadable\n` +
        "7,'@SUM(1),VALIDATION_FAILED,serial: unreadable\n",
    );
  });

  it('is the header alone when nothing was refused', async () => {
    expect(await text([[]])).toBe('\ufeffrow,serial,code,message\n');
  });
});
