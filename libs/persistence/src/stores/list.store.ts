import type { SchemeCode } from '@registry/domain';
import type { ClaimListFilter, ListStore, OrganizationListFilter, OrganizationRecord, RegisterFilter, RetirementListFilter, SchemeTotal } from '@registry/ledger/ports';
import { organizationFromRow, type OrganizationRow } from './organization.store';
import { sqlRowCount, type Sql } from './sql';

/** `column` contains `text` (case as written), on both engines, with no LIKE wildcards to escape. */
function contains(sql: Sql, column: string): string {
  return sql.postgres ? `strpos(${column}, ?) > 0` : `instr(${column}, ?) > 0`;
}

class Where {
  readonly clauses: string[] = [];
  readonly params: unknown[] = [];

  add(clause: string, ...params: unknown[]): this {
    this.clauses.push(clause);
    this.params.push(...params);
    return this;
  }

  toString(): string {
    return this.clauses.length ? `WHERE ${this.clauses.join(' AND ')}` : '';
  }
}

export class SqlListStore implements ListStore {
  constructor(private readonly sql: Sql) {}

  async retirementIds(f: RetirementListFilter): Promise<{ id: string; seq: number }[]> {
    const where = new Where();
    if (f.visibleTo) where.add(`(r.organization_id = ? OR r.claim_id IN (SELECT id FROM claims WHERE applicant_id = ?))`, f.visibleTo, f.visibleTo);
    if (f.organizationId) where.add(`r.organization_id = ?`, f.organizationId);
    if (f.beneficiary) where.add(contains(this.sql, 'r.beneficiary'), f.beneficiary);
    if (f.claimId) where.add(`r.claim_id = ?`, f.claimId);
    if (f.scheme) where.add(`EXISTS (SELECT 1 FROM serial_blocks b WHERE b.retirement_id = r.id AND b.scheme = ?)`, f.scheme);
    if (f.retiredFrom) where.add(`r.retired_on >= ?`, f.retiredFrom);
    if (f.retiredTo) where.add(`r.retired_on <= ?`, f.retiredTo);
    if (f.beforeSeq !== undefined) where.add(`r.created_seq < ?`, f.beforeSeq);
    const rows = await this.sql.query<{ id: string; created_seq: number | string }>(
      `SELECT r.id, r.created_seq FROM retirements r ${where} ORDER BY r.created_seq DESC LIMIT ${sqlRowCount(f.limit)}`,
      where.params,
    );
    return rows.map((row) => ({ id: row.id, seq: Number(row.created_seq) }));
  }

  async claimIds(f: ClaimListFilter): Promise<{ id: string; seq: number }[]> {
    const where = new Where();
    if (f.visibleTo) {
      const { organizationId: me, asApplicant, asProvider, asCertifier } = f.visibleTo;
      const mine = [
        asApplicant && 'c.applicant_id = ?',
        asProvider && 'c.id IN (SELECT claim_id FROM claim_providers WHERE provider_id = ?)',
        asCertifier && 'c.certifier_id = ?',
      ].filter((clause): clause is string => typeof clause === 'string');
      where.add(mine.length ? `(${mine.join(' OR ')})` : '1 = 0', ...mine.map(() => me));
    }
    if (f.type) where.add(`c.type = ?`, f.type);
    if (f.status) where.add(`c.status = ?`, f.status);
    if (f.beforeSeq !== undefined) where.add(`c.created_seq < ?`, f.beforeSeq);
    const rows = await this.sql.query<{ id: string; created_seq: number | string }>(
      `SELECT c.id, c.created_seq FROM claims c ${where} ORDER BY c.created_seq DESC LIMIT ${sqlRowCount(f.limit)}`,
      where.params,
    );
    return rows.map((row) => ({ id: row.id, seq: Number(row.created_seq) }));
  }

  async organizations(f: OrganizationListFilter): Promise<OrganizationRecord[]> {
    const where = new Where();
    // Roles are a JSON array of strings: '"provider"' matches the role exactly, never a longer name.
    if (f.anyRole?.length) where.add(`(${f.anyRole.map(() => contains(this.sql, 'roles')).join(' OR ')})`, ...f.anyRole.map((r) => `"${r}"`));
    if (f.role) where.add(contains(this.sql, 'roles'), `"${f.role}"`);
    if (f.nameContains) where.add(contains(this.sql, 'name'), f.nameContains);
    if (f.afterId) where.add(`id > ?`, f.afterId);
    const rows = await this.sql.query<OrganizationRow>(`SELECT * FROM organizations ${where} ORDER BY id LIMIT ${sqlRowCount(f.limit)}`, where.params);
    return rows.map(organizationFromRow);
  }

  async registerIds(f: RegisterFilter): Promise<string[]> {
    const where = new Where().add('c.certification_number IS NOT NULL');
    if (f.type) where.add('c.type = ?', f.type);
    if (f.status) where.add('c.status = ?', f.status);
    if (f.certifiedFrom) where.add('c.certified_on >= ?', f.certifiedFrom);
    if (f.certifiedTo) where.add('c.certified_on <= ?', f.certifiedTo);
    const field = (path: string) => (this.sql.postgres ? `COALESCE((c.draft::jsonb) #>> '{${path}}', '')` : `COALESCE(json_extract(c.draft, '$.${path.replace(',', '.')}'), '')`);
    const beneficiary = `EXISTS (SELECT 1 FROM retirements r WHERE r.claim_id = c.id AND ${contains(this.sql, 'r.beneficiary')})`;
    if (f.applicant) where.add(contains(this.sql, 'o.name'), f.applicant);
    if (f.product) where.add(contains(this.sql, field('product,name')), f.product);
    if (f.beneficiary) where.add(beneficiary, f.beneficiary);
    // The claim's period: CN and CN plans state a target period, CFP a period (dates compare as text).
    const period = (end: 'start' | 'end') => `COALESCE(NULLIF(${field(`targetPeriod,${end}`)}, ''), ${field(`period,${end}`)})`;
    if (f.periodFrom) where.add(`${period('end')} >= ?`, f.periodFrom);
    if (f.periodTo) where.add(`${period('start')} <> '' AND ${period('start')} <= ?`, f.periodTo);
    if (f.text) {
      where.add(
        `(${contains(this.sql, 'o.name')} OR ${contains(this.sql, field('product,name'))} OR ${contains(this.sql, field('boundary'))}
          OR ${beneficiary})`,
        f.text, f.text, f.text, f.text,
      );
    }
    if (f.afterId) where.add('c.id > ?', f.afterId);
    const rows = await this.sql.query<{ id: string }>(
      `SELECT c.id FROM claims c JOIN organizations o ON o.id = c.applicant_id ${where} ORDER BY c.id LIMIT ${sqlRowCount(f.limit)}`,
      where.params,
    );
    return rows.map((row) => row.id);
  }

  async heldTotals(ownerId: string, scheme?: SchemeCode): Promise<SchemeTotal[]> {
    const total = this.sql.postgres ? `SUM(end_serial - start_serial + 1)::text` : `CAST(SUM(end_serial - start_serial + 1) AS TEXT)`;
    const rows = await this.sql.query<{ scheme: SchemeCode; blocks: number | string; quantity: string }>(
      `SELECT scheme, COUNT(*) AS blocks, ${total} AS quantity FROM serial_blocks
       WHERE owner_id = ? AND closed_seq IS NULL AND status = 'held' ${scheme ? 'AND scheme = ?' : ''}
       GROUP BY scheme ORDER BY scheme`,
      scheme ? [ownerId, scheme] : [ownerId],
    );
    return rows.map((row) => ({ scheme: row.scheme, blocks: Number(row.blocks), quantity: BigInt(row.quantity) }));
  }
}
