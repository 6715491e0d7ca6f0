import { DomainError, type SchemeCode } from '@registry/domain';
import type { BlockRecord, BlockStore, NamespaceRange, StatusPageRead } from '@registry/ledger/ports';
import { isUniqueViolation } from '../database-errors';
import { RowChangedUnderUs } from '@registry/ledger/ports';
import { parsedAttributes } from './serial-attributes';
import { sqlRowCount, type Sql } from './sql';

// Bounds are read as TEXT so values beyond 2^53 stay exact on the way to BigInt.
const COLUMNS = `id, scheme, namespace, CAST(start_serial AS TEXT) AS start_serial, CAST(end_serial AS TEXT) AS end_serial,
  attributes, status, owner_id, retirement_id, parent_id, evidence_registry, evidence_reference, created_seq, entered_on, identity_duplicate`;

interface BlockRow {
  id: string;
  scheme: string;
  namespace: string;
  start_serial: string;
  end_serial: string;
  attributes: string;
  status: 'held' | 'retired';
  owner_id: string | null;
  retirement_id: string | null;
  parent_id: string | null;
  evidence_registry: string | null;
  evidence_reference: string | null;
  created_seq: number | string;
  entered_on: string | null;
  identity_duplicate: number | boolean;
}

/** Statement texts that depend on the engine and a page size, built once (see pageText). */
const STATEMENT_TEXTS = new Map<string, string>();

/** Rounds of lock-and-look for one range before the command is run again from the start. */
const LOCK_ATTEMPTS = 100;

export class SqlBlockStore implements BlockStore {
  constructor(private readonly sql: Sql) {}

  async liveOverlapping(namespace: string, start: bigint, end: bigint): Promise<BlockRecord[]> {
    const { unmarked, marked } = this.duplicateTerms();
    // From the predecessor of `start` (the only earlier block that can reach into the range) to `end`.
    // Marked duplicates overlap each other, so the predecessor walk can miss one: they are few and
    // have their own partial index, and are read apart.
    const rows = await this.sql.query<BlockRow>(
      `SELECT ${COLUMNS} FROM serial_blocks
       WHERE namespace = ? AND closed_seq IS NULL AND ${unmarked} AND start_serial <= ?
         AND start_serial >= COALESCE((SELECT MAX(start_serial) FROM serial_blocks
                                       WHERE namespace = ? AND closed_seq IS NULL AND ${unmarked} AND start_serial <= ?), ?)
       UNION
       SELECT ${COLUMNS} FROM serial_blocks
       WHERE namespace = ? AND closed_seq IS NULL AND ${marked} AND start_serial <= ? AND end_serial >= ?
       ORDER BY start_serial`,
      [namespace, String(end), namespace, String(start), String(start), namespace, String(end), String(start)],
    );
    return rows.map(toRecord).filter((b) => b.end >= start);
  }

  async liveOverlappingForUpdate(namespace: string, start: bigint, end: bigint): Promise<BlockRecord[]> {
    if (!this.sql.postgres) return this.liveOverlapping(namespace, start, end);
    // Lock what we see, then look again: a writer we waited for may have closed a block and
    // written its pieces, which a READ COMMITTED statement that started before its commit cannot
    // see. When the second look agrees with the locked set, nobody can change it before we commit.
    for (let attempt = 0; attempt < LOCK_ATTEMPTS; attempt++) {
      const seen = await this.liveOverlapping(namespace, start, end);
      if (seen.length === 0) return seen;
      const ids = seen.map((b) => b.id).sort();
      const locked = await this.sql.query<{ id: string }>(`SELECT id FROM serial_blocks WHERE id = ANY(?::varchar[]) AND closed_seq IS NULL ORDER BY id FOR UPDATE`, [ids]);
      if (locked.length !== ids.length) continue;
      const again = await this.liveOverlapping(namespace, start, end);
      if (again.length === ids.length && again.every((b) => ids.includes(b.id))) return again;
    }
    throw new RowChangedUnderUs(`the serial blocks of ${namespace}`);
  }

  async liveOverlappingForUpdateAll(ranges: readonly NamespaceRange[]): Promise<BlockRecord[][]> {
    if (!this.sql.postgres || ranges.length === 1) {
      const found: BlockRecord[][] = [];
      for (const { namespace, start, end } of ranges) found.push(await this.liveOverlappingForUpdate(namespace, start, end));
      return found;
    }
    // As liveOverlappingForUpdate, for every range together: look, lock all in id order, look again.
    for (let attempt = 0; attempt < LOCK_ATTEMPTS; attempt++) {
      const seen = await this.liveOverlappingEach(ranges);
      const ids = [...new Set(seen.flat().map((b) => b.id))].sort();
      if (ids.length === 0) return seen;
      const locked = await this.sql.query<{ id: string }>(`SELECT id FROM serial_blocks WHERE id = ANY(?::varchar[]) AND closed_seq IS NULL ORDER BY id FOR UPDATE`, [ids]);
      if (locked.length !== ids.length) continue;
      const again = await this.liveOverlappingEach(ranges);
      const againIds = new Set(again.flat().map((b) => b.id));
      if (againIds.size === ids.length && ids.every((id) => againIds.has(id))) return again;
    }
    throw new RowChangedUnderUs(`the serial blocks of ${ranges.map((r) => r.namespace).join(', ')}`);
  }

  /** PostgreSQL: liveOverlapping of each range in one statement (one text, so one prepared statement for any count). */
  private async liveOverlappingEach(ranges: readonly NamespaceRange[]): Promise<BlockRecord[][]> {
    const rows = await this.sql.query<BlockRow & { k: string }>(
      `SELECT r.k, b.* FROM unnest(?::varchar[], ?::bigint[], ?::bigint[]) WITH ORDINALITY AS r(ns, s, e, k)
       CROSS JOIN LATERAL (
         SELECT ${COLUMNS} FROM serial_blocks
         WHERE namespace = r.ns AND closed_seq IS NULL AND NOT identity_duplicate AND start_serial <= r.e
           AND start_serial >= COALESCE((SELECT MAX(start_serial) FROM serial_blocks
                                         WHERE namespace = r.ns AND closed_seq IS NULL AND NOT identity_duplicate AND start_serial <= r.s), r.s)
         UNION
         SELECT ${COLUMNS} FROM serial_blocks
         WHERE namespace = r.ns AND closed_seq IS NULL AND identity_duplicate AND start_serial <= r.e AND end_serial >= r.s
       ) b`,
      [ranges.map((r) => r.namespace), ranges.map((r) => String(r.start)), ranges.map((r) => String(r.end))],
    );
    const found: BlockRecord[][] = ranges.map(() => []);
    for (const row of rows) found[Number(row.k) - 1].push(toRecord(row));
    return found.map((blocks, i) => blocks.filter((b) => b.end >= ranges[i].start).sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0)));
  }

  async liveOverlappingPage(namespace: string, start: bigint, end: bigint, limit: number): Promise<BlockRecord[]> {
    const { unmarked, marked } = this.duplicateTerms();
    // As above, with the predecessor kept only if it reaches `start`, so that LIMIT counts overlapping
    // blocks only; the index on (namespace, start_serial) walks from there and stops after `limit` rows.
    // The predecessor is found with ORDER BY … DESC LIMIT 1, not MAX(): on a freshly filled table
    // PostgreSQL may answer MAX() by scanning the namespace through the exclusion constraint's index.
    // The outer ORDER BY names the table's column: a bare `start_serial` is the TEXT alias of COLUMNS,
    // which sorts '10' before '9' on both engines.
    // Marked duplicates (few, their own partial index) come in the same statement: one round trip.
    // The row count is written into the text: with LIMIT bound as a parameter SQLite spent ~8 µs more
    // per subquery (measured, same plan), a third of the lookup's SQL. A page size, so few distinct texts.
    const { text, params } = this.pageQuery(namespace, start, end, limit);
    return sortedPage(await this.sql.query<BlockRow & { part: number | string }>(text, params), limit);
  }

  async statusPage(namespace: string, start: bigint, end: bigint, limit: number): Promise<StatusPageRead> {
    // One statement for a status lookup: the scheme on record (one row even when no block overlaps),
    // the page of blocks, and for each retired one what its status shows of its retirement.
    const text = this.statementText('status', limit, () => `SELECT ns.scheme AS recorded_scheme, x.*, r.certificate_number AS r_certificate_number, r.claim_id AS r_claim_id,
              r.retired_on AS r_retired_on, r.beneficiary AS r_beneficiary
       FROM (SELECT 1 AS one) q
       LEFT JOIN serial_namespaces ns ON ns.namespace = ?
       LEFT JOIN (${this.pageText(limit)}) x ON 1 = 1
       LEFT JOIN retirements r ON r.id = x.retirement_id`);
    const rows = await this.sql.query<StatusRow>(text, [namespace, ...this.pageParams(namespace, start, end)]);
    const scheme = (rows[0]?.recorded_scheme as SchemeCode | null | undefined) ?? null;
    const retirements = new Map<string, StatusPageRead['blocks'][number]['retirement']>();
    for (const row of rows) {
      if (row.retirement_id && row.r_certificate_number !== null) {
        retirements.set(row.retirement_id, { id: row.retirement_id, certificateNumber: row.r_certificate_number, claimId: row.r_claim_id, retiredOn: row.r_retired_on!, beneficiary: row.r_beneficiary! });
      }
    }
    const blocks = sortedPage(rows.filter((row) => row.id !== null), limit);
    return { scheme, blocks: blocks.map((block) => ({ ...block, retirement: block.retirementId ? (retirements.get(block.retirementId) ?? null) : null })) };
  }

  /**
   * The live blocks of `namespace` that overlap [start, end], the first `limit` of them, in one
   * statement of two parts (0: the unmarked blocks, 1: the marked duplicates).
   */
  private pageQuery(namespace: string, start: bigint, end: bigint, limit: number): { text: string; params: string[] } {
    return { text: this.pageText(limit), params: this.pageParams(namespace, start, end) };
  }

  private pageParams(namespace: string, start: bigint, end: bigint): string[] {
    return [namespace, String(end), String(start), namespace, String(start), String(start), namespace, String(end), String(start)];
  }

  /**
   * The page statement's text, built once per page size: a text built anew for every lookup is
   * hashed anew to find its prepared statement (~10 µs for these 1.5 KB, a twentieth of a lookup).
   */
  private pageText(limit: number): string {
    return this.statementText('page', limit, () => {
      const { unmarked, marked } = this.duplicateTerms();
      const rows = sqlRowCount(limit);
      return `SELECT *, 0 AS part FROM (SELECT ${COLUMNS} FROM serial_blocks
         WHERE namespace = ? AND closed_seq IS NULL AND ${unmarked} AND start_serial <= ? AND end_serial >= ?
           AND start_serial >= COALESCE((SELECT p.start_serial FROM serial_blocks p
                                         WHERE p.namespace = ? AND p.closed_seq IS NULL AND ${unmarked} AND p.start_serial <= ?
                                         ORDER BY p.start_serial DESC LIMIT 1), ?)
         ORDER BY serial_blocks.start_serial
         LIMIT ${rows}) live
       UNION ALL
       SELECT *, 1 AS part FROM (SELECT ${COLUMNS} FROM serial_blocks
         WHERE namespace = ? AND closed_seq IS NULL AND ${marked} AND start_serial <= ? AND end_serial >= ?
         ORDER BY serial_blocks.start_serial LIMIT ${rows}) duplicates`;
    });
  }

  private statementText(kind: 'page' | 'status', limit: number, build: () => string): string {
    const key = `${this.sql.postgres ? 'pg' : 'sqlite'} ${kind} ${limit}`;
    let text = STATEMENT_TEXTS.get(key);
    if (text === undefined) {
      text = build();
      if (STATEMENT_TEXTS.size < 64) STATEMENT_TEXTS.set(key, text);
    }
    return text;
  }

  /**
   * The partial indexes' own predicates, written as the migration wrote them: a planner uses a partial
   * index only when the query states its predicate (SQLite textually, and never through a bound parameter).
   */
  private duplicateTerms(): { unmarked: string; marked: string } {
    return this.sql.postgres
      ? { unmarked: 'NOT identity_duplicate', marked: 'identity_duplicate' }
      : { unmarked: 'identity_duplicate = 0', marked: 'identity_duplicate = 1' };
  }

  async insert(block: BlockRecord): Promise<void> {
    try {
      await this.sql.query(
        `INSERT INTO serial_blocks (id, scheme, namespace, start_serial, end_serial, attributes, status, owner_id,
           retirement_id, parent_id, evidence_registry, evidence_reference, created_seq, entered_on)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          block.id, block.scheme, block.namespace, String(block.start), String(block.end), JSON.stringify(block.attributes),
          block.status, block.ownerId, block.retirementId, block.parentId, block.evidenceRegistry, block.evidenceReference,
          block.createdSeq, block.enteredOn,
        ],
      );
    } catch (error) {
      if (isIdentityViolation(error)) {
        throw new DomainError('SERIAL_CONFLICT', `serials ${block.start}-${block.end} of ${block.namespace} are on record under another scheme than ${block.scheme}`, {
          conflicts: [{ namespace: block.namespace, start: String(block.start), end: String(block.end) }],
        });
      }
      if (isOverlapViolation(error)) {
        throw new DomainError('SERIAL_CONFLICT', `serials ${block.start}-${block.end} of ${block.namespace} overlap a live block`, {
          conflicts: [{ namespace: block.namespace, start: String(block.start), end: String(block.end) }],
        });
      }
      throw error;
    }
  }

  async insertPieces(blocks: readonly BlockRecord[]): Promise<void> {
    if (!this.sql.postgres || blocks.length === 1) {
      for (const block of blocks) await this.insert(block);
      return;
    }
    if (blocks.length === 0) return;
    const column = <T>(value: (b: BlockRecord) => T) => blocks.map(value);
    try {
      await this.sql.query(
        `INSERT INTO serial_blocks (id, scheme, namespace, start_serial, end_serial, attributes, status, owner_id,
           retirement_id, parent_id, evidence_registry, evidence_reference, created_seq, entered_on)
         SELECT * FROM unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::bigint[], ?::bigint[], ?::text[], ?::varchar[], ?::varchar[],
           ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::bigint[], ?::varchar[])`,
        [
          column((b) => b.id), column((b) => b.scheme), column((b) => b.namespace), column((b) => String(b.start)), column((b) => String(b.end)),
          column((b) => JSON.stringify(b.attributes)), column((b) => b.status), column((b) => b.ownerId), column((b) => b.retirementId),
          column((b) => b.parentId), column((b) => b.evidenceRegistry), column((b) => b.evidenceReference), column((b) => String(b.createdSeq)),
          column((b) => b.enteredOn),
        ],
      );
    } catch (error) {
      if (isIdentityViolation(error) || isOverlapViolation(error)) {
        throw new DomainError('SERIAL_CONFLICT', `pieces of ${blocks[0].namespace} overlap a live block or another scheme's record`, {
          conflicts: blocks.map((b) => ({ namespace: b.namespace, start: String(b.start), end: String(b.end) })),
        });
      }
      throw error;
    }
  }

  async closeAll(ids: readonly string[], seq: number, reason: 'split' | 'void'): Promise<void> {
    if (!this.sql.postgres || ids.length === 1) {
      for (const id of ids) await this.close(id, seq, reason);
      return;
    }
    if (ids.length === 0) return;
    const closed = await this.sql.query<{ id: string }>(
      `UPDATE serial_blocks SET closed_seq = ?, closed_reason = ? WHERE id = ANY(?::varchar[]) AND closed_seq IS NULL RETURNING id`,
      [seq, reason, [...ids]],
    );
    if (closed.length !== new Set(ids).size) throw new RowChangedUnderUs(`serial blocks ${ids.filter((id) => !closed.some((c) => c.id === id)).join(', ')}`);
  }

  async close(id: string, seq: number, reason: 'split' | 'void'): Promise<void> {
    const closed = await this.sql.query(`UPDATE serial_blocks SET closed_seq = ?, closed_reason = ? WHERE id = ? AND closed_seq IS NULL RETURNING id`, [seq, reason, id]);
    // Read live, closed since by a concurrent writer (PostgreSQL): run the command again on what is there now.
    if (closed.length === 0) throw new RowChangedUnderUs(`serial block ${id}`);
  }

  async schemeOnRecord(namespace: string): Promise<SchemeCode | null> {
    const rows = await this.sql.query<{ scheme: string }>(`SELECT scheme FROM serial_namespaces WHERE namespace = ?`, [namespace]);
    return (rows[0]?.scheme as SchemeCode | undefined) ?? null;
  }

  async schemesOnRecord(namespaces: readonly string[]): Promise<Map<string, SchemeCode>> {
    const unique = [...new Set(namespaces)];
    if (unique.length === 0) return new Map();
    if (!this.sql.postgres) {
      const found = new Map<string, SchemeCode>();
      for (const namespace of unique) {
        const scheme = await this.schemeOnRecord(namespace);
        if (scheme !== null) found.set(namespace, scheme);
      }
      return found;
    }
    const rows = await this.sql.query<{ namespace: string; scheme: string }>(`SELECT namespace, scheme FROM serial_namespaces WHERE namespace = ANY(?::varchar[])`, [unique]);
    return new Map(rows.map((row) => [row.namespace, row.scheme as SchemeCode]));
  }

  async findLive(id: string): Promise<BlockRecord | null> {
    const rows = await this.sql.query<BlockRow>(`SELECT ${COLUMNS} FROM serial_blocks WHERE id = ? AND closed_seq IS NULL`, [id]);
    return rows.length > 0 ? toRecord(rows[0]) : null;
  }

  async liveDuplicates(): Promise<BlockRecord[]> {
    const rows = await this.sql.query<BlockRow>(
      `SELECT ${COLUMNS} FROM serial_blocks WHERE closed_seq IS NULL AND ${this.duplicateTerms().marked} ORDER BY namespace, start_serial, created_seq, id`,
    );
    return rows.map(toRecord);
  }

  async liveHeldBy(ownerId: string, afterId: string | undefined, limit: number, scheme?: SchemeCode): Promise<BlockRecord[]> {
    const rows = await this.sql.query<BlockRow>(
      `SELECT ${COLUMNS} FROM serial_blocks
       WHERE owner_id = ? AND closed_seq IS NULL AND status = 'held' AND id > ? ${scheme ? 'AND scheme = ?' : ''}
       ORDER BY id LIMIT ?`,
      scheme ? [ownerId, afterId ?? '', scheme, limit] : [ownerId, afterId ?? '', limit],
    );
    return rows.map(toRecord);
  }

  async liveOfRetirement(retirementId: string): Promise<BlockRecord[]> {
    const rows = await this.sql.query<BlockRow>(
      `SELECT ${COLUMNS} FROM serial_blocks WHERE retirement_id = ? AND closed_seq IS NULL ORDER BY namespace, start_serial`,
      [retirementId],
    );
    return rows.map(toRecord);
  }
}

interface StatusRow extends BlockRow {
  part: number | string;
  recorded_scheme: string | null;
  r_certificate_number: string | null;
  r_claim_id: string | null;
  r_retired_on: string | null;
  r_beneficiary: string | null;
}

/**
 * A compound SELECT has no order of its own: by start, the unmarked block first where a marked
 * duplicate starts at the same serial (firstOfOverlapping keeps the first), the first `limit`.
 */
function sortedPage(rows: readonly (BlockRow & { part: number | string })[], limit: number): BlockRecord[] {
  return rows
    .map((row) => ({ part: Number(row.part), block: toRecord(row) }))
    .sort((a, b) => (a.block.start < b.block.start ? -1 : a.block.start > b.block.start ? 1 : a.part - b.part))
    .slice(0, limit)
    .map(({ block }) => block);
}

function toRecord(row: BlockRow): BlockRecord {
  return {
    id: row.id,
    scheme: row.scheme as SchemeCode,
    namespace: row.namespace,
    start: BigInt(row.start_serial),
    end: BigInt(row.end_serial),
    attributes: parsedAttributes(row.attributes),
    status: row.status,
    ownerId: row.owner_id,
    retirementId: row.retirement_id,
    parentId: row.parent_id,
    evidenceRegistry: row.evidence_registry,
    evidenceReference: row.evidence_reference,
    createdSeq: Number(row.created_seq),
    enteredOn: row.entered_on,
    identityDuplicate: row.identity_duplicate === true || Number(row.identity_duplicate) === 1,
  };
}

/** The schema refused a block entering a namespace under another scheme than the one on record. */
function isIdentityViolation(error: unknown): boolean {
  return /SERIAL_IDENTITY/.test((error as { message?: string })?.message ?? '');
}

/** The trigger (SQLite), the exclusion constraint (PostgreSQL 23P01) or the live-start unique index. */
function isOverlapViolation(error: unknown): boolean {
  const e = error as { message?: string; code?: string; driverError?: { code?: string } };
  const code = e?.driverError?.code ?? e?.code;
  return code === '23P01' || isUniqueViolation(error) || /SERIAL_OVERLAP/.test(e?.message ?? '');
}
