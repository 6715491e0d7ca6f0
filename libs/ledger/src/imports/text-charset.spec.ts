import iconv from 'iconv-lite';
import { sniffCharset, decodeToUtf8 } from './text-charset';

const STATEMENT = 'serial,scheme,registry,reference\nJCL-ERL-R012-1-100,,Ｊ－クレジット登録簿,無効化通知書 ①-7 ㈱サンプル\n';

async function decoded(chunks: Buffer[], charset: string): Promise<string> {
  const out: Buffer[] = [];
  for await (const piece of decodeToUtf8((async function* () { yield* chunks; })(), charset)) out.push(piece);
  return Buffer.concat(out).toString('utf8');
}

/** The bytes cut into pieces of `size`: characters of two bytes end up split between pieces. */
const cut = (bytes: Buffer, size: number) => Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.subarray(i * size, (i + 1) * size));

describe('text file charsets', () => {
  const sjis = iconv.encode(STATEMENT, 'shift_jis');

  it('decodes Shift_JIS (with the Windows characters Excel writes) to the same text, however the bytes are cut', async () => {
    for (const size of [1, 2, 3, 7, 64, sjis.length]) expect(await decoded(cut(sjis, size), 'shift_jis')).toBe(STATEMENT);
    expect(await decoded(cut(sjis, 5), 'windows-31j')).toBe(STATEMENT);
  });

  it('passes UTF-8 through unchanged, and a ZIP (.xlsx) whatever the charset says', async () => {
    const utf8 = Buffer.from(STATEMENT, 'utf8');
    expect(await decoded(cut(utf8, 3), 'utf-8')).toBe(STATEMENT);
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from([0x82, 0xa0, 0xff, 0x00])]);
    const out: Buffer[] = [];
    for await (const piece of decodeToUtf8((async function* () { yield zip; })(), 'shift_jis')) out.push(piece);
    expect(Buffer.concat(out).equals(zip)).toBe(true);
  });

  it('auto: UTF-8 stays UTF-8, bytes that are not UTF-8 are read as Shift_JIS', async () => {
    expect(sniffCharset(Buffer.from(STATEMENT, 'utf8'))).toBe('utf-8');
    expect(sniffCharset(sjis)).toBe('shift_jis');
    // A UTF-8 character cut at the end of the first piece is still UTF-8.
    expect(sniffCharset(Buffer.from('無効化', 'utf8').subarray(0, 4))).toBe('utf-8');
    expect(await decoded(cut(sjis, 4096), 'auto')).toBe(STATEMENT);
    expect(await decoded(cut(Buffer.from(STATEMENT, 'utf8'), 4096), 'auto')).toBe(STATEMENT);
  });

  it('refuses a charset it does not know, naming it', async () => {
    await expect(decoded([sjis], 'klingon')).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: 'charset: charset klingon is not known' });
  });
});
