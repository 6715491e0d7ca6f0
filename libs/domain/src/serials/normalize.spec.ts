import fc from 'fast-check';
import { MAX_SERIAL_INPUT_LENGTH, normalizeSerialText } from './normalize';
import { expectInvalidSerial } from './testing/expect-invalid-serial';

describe('normalizeSerialText', () => {
  it('returns plain ASCII serials unchanged', () => {
    expect(normalizeSerialText('JCL-ERL-R012-1000001-1000500')).toBe('JCL-ERL-R012-1000001-1000500');
  });

  it('turns full-width letters, digits and hyphens into ASCII (NFKC)', () => {
    expect(normalizeSerialText('ＪＣＬ－ＥＲＬ－Ｒ０１２－１０００００１－１０００５００')).toBe('JCL-ERL-R012-1000001-1000500');
  });

  it.each([
    ['hyphen U+2010', '\u2010'],
    ['non-breaking hyphen U+2011', '\u2011'],
    ['figure dash U+2012', '\u2012'],
    ['en dash U+2013', '\u2013'],
    ['em dash U+2014', '\u2014'],
    ['horizontal bar U+2015', '\u2015'],
    ['minus sign U+2212', '\u2212'],
    ['small hyphen-minus U+FE63', '\ufe63'],
    ['full-width hyphen-minus U+FF0D', '\uff0d'],
    ['half-width prolonged sound mark U+FF70', '\uff70'],
    ['prolonged sound mark ー between alphanumerics', '\u30fc'],
  ])('folds the %s to "-"', (_name, dash) => {
    expect(normalizeSerialText(`JCL${dash}ERL${dash}R012${dash}1${dash}5`)).toBe('JCL-ERL-R012-1-5');
  });

  it('reads full-width ASCII and ideographic spaces as NFKC does, without asking ICU', () => {
    const normalize = jest.spyOn(String.prototype, 'normalize');
    try {
      expect(normalizeSerialText('\u3000ＪＣＬ－ｅｒｌ－Ｒ０１２－１\u3000\u3000－５\u3000')).toBe('JCL-erl-R012-1 -5');
      expect(normalize).not.toHaveBeenCalled();
    } finally {
      normalize.mockRestore();
    }
    const fullWidth = fc.constantFrom(...Array.from({ length: 0x5e }, (_, i) => String.fromCharCode(0xff01 + i)), '\u3000');
    const ascii = fc.constantFrom(...Array.from({ length: 0x5f }, (_, i) => String.fromCharCode(0x20 + i)));
    fc.assert(
      fc.property(fc.array(fc.oneof(fullWidth, ascii), { maxLength: 60 }), (characters) => {
        const text = characters.join('');
        expect(normalizeSerialText(text)).toBe(text.normalize('NFKC').replace(/\s+/g, ' ').trim());
      }),
      { numRuns: 2000 },
    );
  });

  it('leaves ー alone when it is not between letters or digits', () => {
    expect(normalizeSerialText('カー')).toBe('カー');
    expect(normalizeSerialText('A ー B')).toBe('A ー B');
  });

  it('trims and collapses whitespace, including ideographic spaces, tabs and line breaks', () => {
    expect(normalizeSerialText('  RW-5-1-2-2-0-7014   -  RW-5-9-2-2-0-7014 ')).toBe('RW-5-1-2-2-0-7014 - RW-5-9-2-2-0-7014');
    expect(normalizeSerialText('\u3000CDC_1_1 1\u3000to\t5\r\n')).toBe('CDC_1_1 1 to 5');
  });

  it.each([
    ['NUL', 'JCL\u0000-ERL'],
    ['escape', '\u001b[31mJCL'],
    ['DEL', 'JCL\u007f'],
    ['C1 control', 'JCL\u0085'],
    ['zero-width space', 'JCL\u200b-ERL'],
    ['right-to-left override', 'JCL\u202e-ERL'],
    ['byte-order mark', '\ufeffJCL'],
  ])('refuses a %s with INVALID_SERIAL on serial', (_name, text) => {
    const error = expectInvalidSerial(() => normalizeSerialText(text), 'serial');
    expect(error.message).toMatch(/U\+[0-9A-F]{4} at position \d+/);
  });

  it(`refuses more than ${MAX_SERIAL_INPUT_LENGTH} characters before normalising them`, () => {
    const normalize = jest.spyOn(String.prototype, 'normalize');
    try {
      const error = expectInvalidSerial(() => normalizeSerialText('Ｊ'.repeat(10_240)), 'serial');
      expect(error.message).toBe('serial is 10240 characters long; at most 512 are read');
      expect(normalize).not.toHaveBeenCalled();
    } finally {
      normalize.mockRestore();
    }
    expect(normalizeSerialText('1'.repeat(MAX_SERIAL_INPUT_LENGTH))).toHaveLength(MAX_SERIAL_INPUT_LENGTH);
  });

  it.each([null, undefined, 42, {}])('refuses %p, which is not text', (value) => {
    expectInvalidSerial(() => normalizeSerialText(value as unknown as string), 'serial');
  });
});
