import { DomainError, parseSerial } from '@registry/domain';
import type { Actor } from '../actor';
import type { BlockRecord, Stores, UnitOfWork } from '../ports';
import { CheckSerialsQuery, MAX_CHECK_SEGMENTS } from './check-serials.query';
import { SerialStatusQuery, STATUS_PAGE_SEGMENTS } from './serial-status.query';
import { decodeStatusCursor, encodeStatusCursor } from './status-cursor';

const AUDITOR: Actor = { kind: 'organization', organizationId: 'audit', roles: ['auditor'], apiKeyId: 'k' };

/**
 * A ledger held in memory that answers the paged block read as the SQL store does, and counts what
 * it hands out: the tests show how much a request reads, not only what it answers.
 */
function ledgerOf(blocks: BlockRecord[]) {
  const sorted = [...blocks].sort((a, b) => (a.start < b.start ? -1 : 1));
  const reads: number[] = [];
  const stores = {
    blocks: {
      statusPage: async (namespace: string, start: bigint, end: bigint, limit: number) => {
        const page = sorted.filter((b) => b.namespace === namespace && b.start <= end && b.end >= start).slice(0, limit);
        reads.push(page.length);
        const retirement = (id: string | null) => (id ? { id, certificateNumber: `RC-${id}`, claimId: null, retiredOn: '2026-01-05', beneficiary: 'B' } : null);
        return { scheme: null, blocks: page.map((b) => ({ ...b, retirement: retirement(b.retirementId) })) };
      },
    },
  } as unknown as Stores;
  const uow = { read: <T>(work: (s: Stores) => Promise<T>) => work(stores) } as unknown as UnitOfWork;
  return { uow, reads };
}

const asked = parseSerial('JCL-ERL-R5-1-100000');
/** Single-serial blocks on every other serial from 1, retired (each its own retirement) or held. */
function alternating(count: number, status: 'held' | 'retired' = 'retired'): BlockRecord[] {
  return Array.from({ length: count }, (_, i) => {
    const serial = BigInt(2 * i + 1);
    return {
      ...({} as BlockRecord),
      id: `b${i}`,
      namespace: asked.namespace,
      start: serial,
      end: serial,
      status,
      ownerId: 'holder',
      retirementId: status === 'retired' ? `r${i}` : null,
    };
  });
}

describe('status cursor', () => {
  it('names the next page of the range it was given for, and nothing else', () => {
    const cursor = encodeStatusCursor(asked, 2001n);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeStatusCursor(cursor, asked)).toBe(2001n);
    const fieldOf = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return error instanceof DomainError ? [error.code, (error.details.errors as { field: string }[])[0].field] : error;
      }
      return 'accepted';
    };
    for (const other of ['JCL-ERL-R5-1-99999', 'JCL-ERL-R6-1-100000', 'JCL-ERL-R5-2-100000']) {
      expect(fieldOf(() => decodeStatusCursor(cursor, parseSerial(other)))).toEqual(['VALIDATION_FAILED', 'cursor']);
    }
    const text = Buffer.from(cursor, 'base64url').toString();
    for (const bad of [undefined, 7, ['a'], '', 'a'.repeat(201), '!!', Buffer.from(text.replace('2001', '2002')).toString('base64url')]) {
      expect(fieldOf(() => decodeStatusCursor(bad, asked))).toEqual(['VALIDATION_FAILED', 'cursor']);
    }
    // A cursor never points at the first serial (that is the first page) or past the end.
    expect(fieldOf(() => decodeStatusCursor(encodeStatusCursor(asked, 1n), asked))).toEqual(['VALIDATION_FAILED', 'cursor']);
    expect(fieldOf(() => decodeStatusCursor(encodeStatusCursor(asked, 100001n), asked))).toEqual(['VALIDATION_FAILED', 'cursor']);
  });
});

describe('SerialStatusQuery paging', () => {
  it('reads at most one page of blocks (1,001) per request, and the cursor walks the whole range', async () => {
    const { uow, reads } = ledgerOf(alternating(20_000));
    const query = new SerialStatusQuery(uow);
    let cursor: string | undefined;
    let end = 0n;
    let pages = 0;
    do {
      const page = await query.execute(asked.canonical, undefined, undefined, cursor);
      expect(page.segments.length).toBeLessThanOrEqual(STATUS_PAGE_SEGMENTS);
      expect(BigInt(page.segments[0].start)).toBe(end + 1n);
      end = BigInt(page.segments[page.segments.length - 1].end);
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(end).toBe(100000n);
    expect(pages).toBe(40); // 39,999 segments of blocks and gaps up to 39999, and the unknown tail 40000-100000
    expect(Math.max(...reads)).toBe(STATUS_PAGE_SEGMENTS + 1);
  });
});

describe('CheckSerialsQuery limits', () => {
  it('stops reading once the answer passes 10,000 segments (one row), instead of reading the namespace', async () => {
    const { uow, reads } = ledgerOf(alternating(50_000));
    const check = new CheckSerialsQuery(uow);
    await expect(check.execute([asked.canonical], AUDITOR)).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: { errors: [{ field: 'serials' }] } });
    expect(reads.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(MAX_CHECK_SEGMENTS + 2);
  });

  it('counts the limit over all rows, and joins a held run that is longer than one read', async () => {
    // 25,000 contiguous held blocks of one holder: one segment, longer than one read.
    const held = Array.from({ length: 25_000 }, (_, i) => ({ ...alternating(1, 'held')[0], id: `h${i}`, start: BigInt(i + 1), end: BigInt(i + 1) }));
    const { uow, reads } = ledgerOf(held);
    const check = new CheckSerialsQuery(uow);
    const { items } = await check.execute(['JCL-ERL-R5-1-25000'], AUDITOR);
    expect(items).toEqual([expect.objectContaining({ segments: [{ start: '1', end: '25000', status: 'held', holderId: 'holder' }] })]);
    expect(reads.length).toBeGreaterThan(1);
    // 1-2000 of the alternating ledger is 2,000 segments: five rows are exactly the limit, six are over.
    const alt = new CheckSerialsQuery(ledgerOf(alternating(1000)).uow);
    expect((await alt.execute(Array(5).fill('JCL-ERL-R5-1-2000'), AUDITOR)).items).toHaveLength(5);
    await expect(alt.execute(Array(6).fill('JCL-ERL-R5-1-2000'), AUDITOR)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('answers an unreadable row with an error in its place', async () => {
    const check = new CheckSerialsQuery(ledgerOf(alternating(3)).uow);
    const { items } = await check.execute(['JCL-ERL-R5-1-2', 'garbage', 'JCL-ERL-R5-9-8'], AUDITOR);
    expect(items[0]).toMatchObject({ start: '1', end: '2', segments: [{ status: 'retired' }, { status: 'unknown' }] });
    expect(items[1]).toEqual({ serial: 'garbage', error: { code: 'INVALID_SERIAL', message: expect.stringMatching(/^serials\[1\]: /) } });
    expect(items[2]).toMatchObject({ serial: 'JCL-ERL-R5-9-8', error: { code: 'INVALID_SERIAL' } });
  });
});
