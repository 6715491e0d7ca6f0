import fc from 'fast-check';
import { DomainError } from '../errors';
import type { SchemeCode } from '../schemes/scheme-catalog';
import { formatSerial, parseSerial } from './parse-serial';
import { SerialRange } from './serial-range';
import { catchDomainError, expectInvalidSerial } from './testing/expect-invalid-serial';

describe('parseSerial', () => {
  it.each([
    ['RW-5-1463953-2-2-0-7014 - RW-5-1467609-2-2-0-7014', 'KYOTO'],
    ['JCL-ERL-R012-1000001-1000500', 'JCREDIT'],
    ['GP-JQA01-77-1-5', 'GREEN_POWER'],
    ['19381-941412555-941441125-VCS-VCU-1310-VER-CN-13-3005-01012022-31102022-0', 'VERRA'],
    ['GS1-1-KE-GS11603-16-2025-30256-110-5463', 'GOLD_STANDARD'],
    ['ACR-US-1185-2025-3078-1 to 85847', 'ACR'],
    ['CDC_1_1_1_321_14_1_2009 4426 to 4971', 'CERCARBONO'],
  ])('tells the scheme of %s from its shape alone', (serial, scheme) => {
    expect(parseSerial(serial).scheme).toBe(scheme);
  });

  it('SERIALS: JP followed by a unit type is Kyoto, JP followed by a credit type is J-VER', () => {
    expect(parseSerial('JP-1-1-9-1-1-0').scheme).toBe('KYOTO');
    expect(parseSerial('JP-ER-1-1-9').scheme).toBe('JVER');
  });

  it.each<[string, SchemeCode]>([
    ['RW-5-1463953-2-2-0-7014 - RW-5-1467609-2-2-0-7014', 'JCREDIT'],
    ['JCL-ERL-R012-1000001-1000500', 'KYOTO'],
    ['JCL-ERL-R012-1000001-1000500', 'VERRA'],
    ['GS1-1-KE-GS11603-16-2025-30256-110-5463', 'GREEN_POWER'],
  ])('refuses %s under a scheme %s of another shape, naming the scheme', (serial, scheme) => {
    const error = expectInvalidSerial(() => parseSerial(serial, scheme), 'scheme');
    expect(error.message).toMatch(new RegExp(`^scheme ${scheme} was given but the serial has the shape of a .+ serial$`));
  });

  it('refuses an unknown scheme hint with UNKNOWN_SCHEME', () => {
    const error = catchDomainError(() => parseSerial('JCL-ERL-R012-1-5', 'J_CREDIT' as SchemeCode));
    expect(error.code).toBe('UNKNOWN_SCHEME');
    expect(error.details).toMatchObject({ field: 'scheme' });
  });

  it('reads under a scheme hint a serial whose shape the hint explains', () => {
    expect(parseSerial('JCL-ERL-R012-1-5', 'JCREDIT').scheme).toBe('JCREDIT');
    expect(parseSerial('RW-5-1-9-2-2-0-7014', 'KYOTO').scheme).toBe('KYOTO');
  });

  describe('garbage', () => {
    it.each([
      ['the empty string', ''],
      ['only spaces', '   \u3000 '],
      ['10 kB of text', 'JCL-ERL-R012-'.repeat(800)],
      ['a NUL byte', 'JCL-ERL-R012-1-5\u0000'],
      ['an ANSI escape', '\u001b[2JJCL-ERL-R012-1-5'],
      ['an SQL fragment', "'; DROP TABLE x; --"],
      ['an SQL fragment after a serial', "JCL-ERL-R012-1-5'; DROP TABLE holdings; --"],
      ['HTML', '<script>alert(1)</script>'],
      ['Japanese words', 'シリアル番号'],
      ['an emoji', '🌲-1-2'],
      ['a lone surrogate', 'JCL-\ud800-1-5'],
      ['a number', '12345'],
      ['prototype keys', '__proto__'],
    ])('refuses %s with INVALID_SERIAL on serial', (_case, input) => {
      expectInvalidSerial(() => parseSerial(input), 'serial');
    });

    it('names the odd character of a non-ASCII serial', () => {
      const error = expectInvalidSerial(() => parseSerial('シリアル'), 'serial');
      expect(error.message).toBe('unexpected character "シ" (U+30B7) at position 1 of the serial');
    });

    it('refuses a reversed range saying what is wrong', () => {
      expect(expectInvalidSerial(() => parseSerial('JCL-ERL-R012-200-100'), 'serial.end').message).toBe('end 100 is before start 200');
    });

    it('never echoes more than a short excerpt of a long input', () => {
      const error = expectInvalidSerial(() => parseSerial(`XX${'Y'.repeat(500)}`), 'serial');
      expect(error.message.length).toBeLessThan(120);
    });

    it('answers any text with a parsed serial or INVALID_SERIAL, never another error', () => {
      const anyText = fc.oneof(
        fc.string({ unit: 'binary', maxLength: 80 }),
        fc.string({ unit: 'grapheme', maxLength: 80 }),
        fc.stringMatching(/^[A-Z0-9 _-]{0,40}( to | - )?[0-9A-Z_-]{0,40}$/),
        fc.string({ unit: fc.constantFrom(...'JCLERGPHSTO0123456789-_ ｰー－'.split('')), maxLength: 60 }),
      );
      fc.assert(
        fc.property(anyText, (text) => {
          try {
            const parsed = parseSerial(text);
            expect(parseSerial(parsed.canonical).canonical).toBe(parsed.canonical);
          } catch (error) {
            expect(error).toBeInstanceOf(DomainError);
            expect((error as DomainError).code).toBe('INVALID_SERIAL');
            expect((error as DomainError).details['field']).toMatch(/^(serial|scheme)(\.\w+)?$/);
          }
        }),
        { numRuns: 2000 },
      );
    });
  });
});

describe('formatSerial', () => {
  it('SERIALS: prints the part of a block that a partial retirement leaves behind', () => {
    const block = parseSerial('JCL-ERL-R012-1000001-1000500');
    const retired = parseSerial('JCL-ERL-R012-1000101-1000200');
    const remainder = block.range.subtract(retired.range).map((range) => formatSerial({ ...block, range }));
    expect(remainder).toEqual(['JCL-ERL-R012-1000001-1000100', 'JCL-ERL-R012-1000201-1000500']);
    expect(remainder.map((s) => parseSerial(s).namespace)).toEqual([block.namespace, block.namespace]);
  });

  it('prints a Kyoto slice with all its suffixes', () => {
    const block = parseSerial('UA-4-10-20-1-1-3-55-T2');
    const { middle, after } = block.range.split(new SerialRange(10n, 14n));
    expect(formatSerial({ ...block, range: middle })).toBe('UA-4-10-1-1-3-55-T2 - UA-4-14-1-1-3-55-T2');
    expect(formatSerial({ ...block, range: after! })).toBe('UA-4-15-1-1-3-55-T2 - UA-4-20-1-1-3-55-T2');
  });

  it('refuses a hand-built block that lacks an attribute its format needs', () => {
    const block = parseSerial('JCL-ERL-R012-1-5');
    expectInvalidSerial(() => formatSerial({ ...block, attributes: { symbol: 'JCL' } }), 'attributes.creditType');
  });

  it('refuses hand-built Kyoto attributes that break a rule instead of printing them', () => {
    const block = parseSerial('RW-5-1-9-2-2-0-7014');
    expectInvalidSerial(() => formatSerial({ ...block, attributes: { ...block.attributes, projectId: null } }), 'serial.projectId');
  });
});
