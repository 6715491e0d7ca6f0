import fc from 'fast-check';
import { DomainError } from '../errors';
import { assertDisplayText, displayTextProblem } from './display-text';

describe('display text (free text shown on certificates, pages and exports)', () => {
  it.each([
    '株式会社サンプル',
    'Acme Corp. (Japan) — FY2025 «CN»',
    'emoji 🌏 pairs are fine',
    '=SUM(A1:A9)', // formula characters are the CSV writer's business, not a display problem
    '\u00a0non-breaking space and \u200e LRM mark',
    '',
  ])('accepts %p', (value) => {
    expect(displayTextProblem(value)).toBeUndefined();
  });

  it.each([
    ['NUL', 'a\u0000b', 'control character (U+0000 at position 2)'],
    ['CR LF', 'line\r\nbreak', 'control character (U+000D at position 5)'],
    ['tab', '\tx', 'control character (U+0009 at position 1)'],
    ['DEL', 'x\u007f', 'control character (U+007F'],
    ['C1 NEL', 'x\u0085', 'control character (U+0085'],
    ['C1 CSI', '\u009b', 'control character (U+009B'],
    ['RLO', '株式会社\u202eルプンサ', 'bidirectional control character (U+202E at position 5)'],
    ['LRE', '\u202a', 'bidirectional control character (U+202A'],
    ['RLI', 'x\u2067y', 'bidirectional control character (U+2067'],
    ['PDI', '\u2069', 'bidirectional control character (U+2069'],
    ['lone high surrogate', 'a\ud83c', 'unpaired surrogate (U+D83C at position 2)'],
    ['lone low surrogate', '\udf0fb', 'unpaired surrogate (U+DF0F at position 1)'],
    ['reversed pair', '\udf0f\ud83c', 'unpaired surrogate (U+DF0F'],
    ['RLO after an emoji (positions count characters)', '🌏\u202e', 'bidirectional control character (U+202E at position 2)'],
  ])('refuses %s', (_name, value, reason) => {
    expect(displayTextProblem(value)).toContain(reason);
  });

  it('leaves the neighbours of the forbidden ranges alone', () => {
    for (const code of [0x20, 0x7e, 0xa0, 0x2029, 0x202f, 0x2065, 0x206a, 0xe000, 0xfffd]) {
      expect(displayTextProblem(String.fromCodePoint(code))).toBeUndefined();
    }
  });

  it('agrees with a code-point-by-code-point definition on arbitrary strings', () => {
    const forbidden = (cp: number) =>
      cp <= 0x1f || (cp >= 0x7f && cp <= 0x9f) || (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069) || (cp >= 0xd800 && cp <= 0xdfff);
    const char = fc.oneof(
      fc.integer({ min: 0, max: 0x2100 }).map((cp) => String.fromCharCode(cp)),
      fc.integer({ min: 0xd800, max: 0xdfff }).map((cp) => String.fromCharCode(cp)),
      fc.constantFrom('🌏', '株', 'a'),
    );
    fc.assert(
      fc.property(fc.array(char, { maxLength: 12 }).map((cs) => cs.join('')), (value) => {
        const expected = [...value].some((c) => forbidden(c.codePointAt(0) ?? 0));
        expect(displayTextProblem(value) !== undefined).toBe(expected);
      }),
    );
  });

  it('assertDisplayText throws VALIDATION_FAILED naming the field', () => {
    expect(assertDisplayText('ok', 'name')).toBe('ok');
    try {
      assertDisplayText('a\nb', 'name');
      throw new Error('did not throw');
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: 'VALIDATION_FAILED', details: { errors: [{ field: 'name', message: expect.stringContaining('U+000A') }] } });
    }
  });
});
