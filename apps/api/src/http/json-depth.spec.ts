import { DomainError } from '@registry/domain';
import { jsonNestingExceeds, MAX_JSON_DEPTH, verifyJsonBody } from './json-depth';

const bytes = (text: string) => Buffer.from(text, 'utf8');
const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

describe('JSON nesting depth', () => {
  it.each([
    ['a flat object', '{"a":1,"b":[1,2,3]}', 2],
    ['siblings do not add up', '[[],[],[],{}]', 2],
    ['brackets inside strings do not count', '{"a":"[[[[{{{{"}', 1],
    ['an escaped quote does not end the string', '{"a":"\\"[[[["}', 1],
    ['an escaped backslash does end it', '{"a":"\\\\",  "b":[[]]}', 3],
    ['multi-byte characters', '{"名前":"株式会社［｛"}', 1],
  ])('%s', (_name, text, depth) => {
    expect(jsonNestingExceeds(bytes(text), depth)).toBe(false);
    expect(jsonNestingExceeds(bytes(text), depth - 1)).toBe(true);
  });

  it('allows 64 levels and refuses 65 and 3,000', () => {
    expect(jsonNestingExceeds(bytes(nested(64)), MAX_JSON_DEPTH)).toBe(false);
    expect(jsonNestingExceeds(bytes(nested(65)), MAX_JSON_DEPTH)).toBe(true);
    expect(jsonNestingExceeds(bytes('{"a":'.repeat(3000) + '1' + '}'.repeat(3000)), MAX_JSON_DEPTH)).toBe(true);
  });

  it('agrees with the depth of what JSON.parse builds', () => {
    const depthOf = (value: unknown): number =>
      value !== null && typeof value === 'object' ? 1 + Math.max(0, ...Object.values(value).map(depthOf)) : 0;
    for (const text of ['1', '"x"', '[]', '{"a":{"b":[{"c":"]]]"}]}}', '[1,[2,[3,[4]]],{"k":"\\u005b"}]']) {
      const depth = depthOf(JSON.parse(text));
      expect([jsonNestingExceeds(bytes(text), depth), jsonNestingExceeds(bytes(text), depth - 1)]).toEqual([false, depth > 0]);
    }
  });

  it('verifyJsonBody refuses deep or non-UTF-8 bodies with VALIDATION_FAILED on the body', () => {
    expect(() => verifyJsonBody(bytes(nested(64)), 'utf-8')).not.toThrow();
    for (const [body, encoding] of [[nested(65), 'utf-8'], ['{}', 'utf-16le']]) {
      try {
        verifyJsonBody(bytes(body), encoding);
        throw new Error('did not throw');
      } catch (error) {
        expect(error).toBeInstanceOf(DomainError);
        expect(error).toMatchObject({ code: 'VALIDATION_FAILED', details: { errors: [{ field: 'body' }] } });
      }
    }
  });
});
