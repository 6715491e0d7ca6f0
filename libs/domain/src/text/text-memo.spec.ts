import { memoizeText } from './text-memo';

describe('memoizeText', () => {
  it('computes each text once and answers the same value after', () => {
    const calls: string[] = [];
    const upper = memoizeText((text) => {
      calls.push(text);
      return text.toUpperCase();
    });
    expect([upper('a'), upper('b'), upper('a'), upper('b')]).toEqual(['A', 'B', 'A', 'B']);
    expect(calls).toEqual(['a', 'b']);
  });

  it('remembers undefined answers too', () => {
    let calls = 0;
    const nothing = memoizeText(() => {
      calls++;
      return undefined;
    });
    nothing('x');
    nothing('x');
    expect(calls).toBe(1);
  });

  it('keeps at most `capacity` texts and still answers right when it starts again', () => {
    let calls = 0;
    const length = memoizeText((text) => {
      calls++;
      return text.length;
    }, 2);
    expect([length('a'), length('bb'), length('ccc'), length('a'), length('ccc')]).toEqual([1, 2, 3, 1, 3]);
    // 'ccc' filled it past 2 and started a new map: 'a' is computed again, 'ccc' after it is not.
    expect(calls).toBe(4);
  });
});
