import fc from 'fast-check';
import { GENESIS_HASH, JournalChainVerifier, nextJournalEntry, type JournalEntry } from './journal-chain';

function chain(n: number): { entries: JournalEntry[]; head: { seq: number; hash: string } } {
  const entries: JournalEntry[] = [];
  let head = { seq: 0, hash: GENESIS_HASH };
  for (let i = 0; i < n; i++) {
    const entry = nextJournalEntry(head, { type: 'retirement.created', payload: { i, q: `${i}0` }, actor: 'org:a', recordedAt: `2026-01-01T00:00:0${i % 10}Z` });
    entries.push(entry);
    head = { seq: entry.seq, hash: entry.hash };
  }
  return { entries, head };
}

function verify(entries: JournalEntry[], head: { seq: number; hash: string }) {
  const verifier = new JournalChainVerifier();
  entries.forEach((e) => verifier.accept(e));
  return verifier.result(head);
}

describe('journal hash chain', () => {
  it('verifies an untouched chain', () => {
    const { entries, head } = chain(20);
    expect(verify(entries, head)).toEqual({ ok: true, checked: 20, head: { sequence: 20, hash: head.hash } });
  });

  it('stores payloads as canonical JSON (key order does not matter)', () => {
    const a = nextJournalEntry({ seq: 0, hash: GENESIS_HASH }, { type: 't', payload: { b: 1, a: '2' }, actor: 'x', recordedAt: 'r' });
    const b = nextJournalEntry({ seq: 0, hash: GENESIS_HASH }, { type: 't', payload: { a: '2', b: 1 }, actor: 'x', recordedAt: 'r' });
    expect(a.payload).toBe('{"a":"2","b":1}');
    expect(a.hash).toBe(b.hash);
  });

  it('reports the first bad sequence for any single edited field of any entry', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom<keyof JournalEntry>('type', 'payload', 'actor', 'recordedAt', 'prevHash', 'hash'),
        fc.string({ minLength: 1, maxLength: 4 }),
        (seq, field, junk) => {
          const { entries, head } = chain(12);
          const tampered = entries.map((e) => (e.seq === seq ? { ...e, [field]: `${e[field]}${junk}` } : e));
          expect(verify(tampered, head)).toMatchObject({ ok: false, firstBadSequence: seq });
        },
      ),
    );
  });

  it('detects a removed, a reordered and a truncated entry', () => {
    const { entries, head } = chain(6);
    expect(verify([...entries.slice(0, 2), ...entries.slice(3)], head)).toMatchObject({ ok: false, firstBadSequence: 3 });
    expect(verify([entries[0], entries[2], entries[1], ...entries.slice(3)], head)).toMatchObject({ ok: false, firstBadSequence: 2 });
    expect(verify(entries.slice(0, 5), head)).toMatchObject({ ok: false, firstBadSequence: 6 });
  });
});
