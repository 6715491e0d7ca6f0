import type { RegistryExportFormat, SchemeCode } from '@registry/domain';
import type {
  LedgerRange,
  ReconciliationLine,
  ReconciliationOutcome,
  ReconciliationRecord,
  ReconciliationStatus,
  ReconciliationStore,
  ReconciliationSummary,
} from '@registry/ledger/reconciliation/reconciliation-ports';
import { parsedAttributes } from './serial-attributes';
import type { Sql } from './sql';

interface ReconciliationRow {
  id: string;
  organization_id: string | null;
  scope_organization_id: string | null;
  format: string | null;
  layout: string | null;
  status: ReconciliationStatus;
  row_count: number | string;
  matched: number | string;
  alert_count: number | string;
  unreadable: number | string;
  error: string | null;
  created_at: string;
  finished_at: string | null;
}

interface LineRow {
  line_no: number | string;
  outcome: ReconciliationOutcome;
  export_row: number | string | null;
  serial: string;
  detail: string;
  registry_date: string | null;
  registry_beneficiary: string | null;
  registry_reference: string | null;
  retirement_id: string | null;
  certificate_number: string | null;
  ledger_date: string | null;
  ledger_beneficiary: string | null;
  evidence_reference: string | null;
}

interface LiveBlockRow {
  id: string;
  scheme: string;
  namespace: string;
  start_serial: string;
  end_serial: string;
  attributes: string;
  status: 'held' | 'retired';
  owner_id: string | null;
  retirement_id: string | null;
  certificate_number: string | null;
  retired_on: string | null;
  beneficiary: string | null;
  evidence_registry: string | null;
  evidence_reference: string | null;
}

const LINE_COLUMNS = `reconciliation_id, line_no, outcome, export_row, serial, detail, registry_date, registry_beneficiary,
  registry_reference, retirement_id, certificate_number, ledger_date, ledger_beneficiary, evidence_reference`;
const LINE_PLACEHOLDERS = `(${Array(14).fill('?').join(', ')})`;
/** Rows per INSERT: 14 parameters each stays well under both engines' parameter limits. */
const LINES_PER_INSERT = 200;

export class SqlReconciliationStore implements ReconciliationStore {
  constructor(private readonly sql: Sql) {}

  async insert(record: ReconciliationRecord, source: string | null): Promise<void> {
    await this.sql.query(
      `INSERT INTO reconciliations (id, organization_id, scope_organization_id, format, layout, status, row_count, matched, alert_count, unreadable, error, created_at, finished_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [record.id, record.organizationId, record.scopeOrganizationId, record.format, record.layout, record.status, record.rows, record.matched,
        record.alertCount, record.unreadable, record.error, record.createdAt, record.finishedAt],
    );
    if (source !== null) await this.sql.query(`INSERT INTO reconciliation_sources (reconciliation_id, body) VALUES (?, ?)`, [record.id, source]);
  }

  async findById(id: string): Promise<ReconciliationRecord | null> {
    const row = await this.sql.one<ReconciliationRow>(`SELECT * FROM reconciliations WHERE id = ?`, [id]);
    return row ? toRecord(row) : null;
  }

  async source(id: string): Promise<string | null> {
    const row = await this.sql.one<{ body: string }>(`SELECT body FROM reconciliation_sources WHERE reconciliation_id = ?`, [id]);
    return row?.body ?? null;
  }

  async start(id: string): Promise<void> {
    await this.sql.query(`DELETE FROM reconciliation_lines WHERE reconciliation_id = ?`, [id]);
    await this.sql.query(`UPDATE reconciliations SET status = 'running', error = NULL WHERE id = ?`, [id]);
  }

  async appendLines(id: string, lines: readonly ReconciliationLine[]): Promise<void> {
    for (let from = 0; from < lines.length; from += LINES_PER_INSERT) {
      const batch = lines.slice(from, from + LINES_PER_INSERT);
      await this.sql.query(
        `INSERT INTO reconciliation_lines (${LINE_COLUMNS}) VALUES ${batch.map(() => LINE_PLACEHOLDERS).join(', ')}`,
        batch.flatMap((l) => [id, l.position, l.outcome, l.row, l.serial, l.detail, l.registryDate, l.registryBeneficiary, l.registryReference,
          l.retirementId, l.certificateNumber, l.ledgerDate, l.ledgerBeneficiary, l.evidenceReference]),
      );
    }
  }

  async finish(id: string, summary: ReconciliationSummary, at: string): Promise<void> {
    await this.sql.query(
      `UPDATE reconciliations SET status = 'done', format = ?, layout = ?, row_count = ?, matched = ?, alert_count = ?, unreadable = ?, finished_at = ? WHERE id = ?`,
      [summary.format, summary.layout, summary.rows, summary.matched, summary.alertCount, summary.unreadable, at, id],
    );
  }

  async fail(id: string, error: string, at: string): Promise<void> {
    await this.sql.query(`UPDATE reconciliations SET status = 'failed', error = ?, finished_at = ? WHERE id = ?`, [error.slice(0, 1000), at, id]);
  }

  async lines(id: string, options: { alertsOnly: boolean; afterPosition: number; limit: number }): Promise<ReconciliationLine[]> {
    const rows = await this.sql.query<LineRow>(
      `SELECT * FROM reconciliation_lines WHERE reconciliation_id = ? AND line_no > ?
       ${options.alertsOnly ? `AND outcome NOT IN ('matched', 'unreadable')` : ''} ORDER BY line_no LIMIT ?`,
      [id, options.afterPosition, options.limit],
    );
    return rows.map(toLine);
  }

  liveBlocksIn(namespaces: readonly string[], limit: number, ownerId: string | null): Promise<LedgerRange[]> {
    if (namespaces.length === 0) return Promise.resolve([]);
    return this.liveBlocks(`b.namespace IN (${namespaces.map(() => '?').join(', ')})`, [...namespaces], 'ORDER BY b.namespace, b.start_serial', limit, ownerId);
  }

  liveBlocksOf(namespace: string, afterStart: bigint, limit: number, ownerId: string | null): Promise<LedgerRange[]> {
    return this.liveBlocks(`b.namespace = ? AND b.start_serial > ?`, [namespace, afterStart.toString()], 'ORDER BY b.start_serial', limit, ownerId);
  }

  private async liveBlocks(where: string, params: unknown[], orderBy: string, limit: number, ownerId: string | null): Promise<LedgerRange[]> {
    const unmarked = this.sql.postgres ? 'NOT b.identity_duplicate' : 'b.identity_duplicate = 0';
    const owner = ownerId === null ? '' : 'AND b.owner_id = ?';
    const rows = await this.sql.query<LiveBlockRow>(
      `SELECT b.id, b.scheme, b.namespace, CAST(b.start_serial AS TEXT) AS start_serial, CAST(b.end_serial AS TEXT) AS end_serial, b.attributes,
              b.status, b.owner_id, b.retirement_id, r.certificate_number, r.retired_on, r.beneficiary, r.evidence_registry, r.evidence_reference
       FROM serial_blocks b LEFT JOIN retirements r ON r.id = b.retirement_id
       WHERE ${where} AND b.closed_seq IS NULL AND ${unmarked} ${owner} ${orderBy} LIMIT ?`,
      [...params, ...(ownerId === null ? [] : [ownerId]), limit],
    );
    return rows.map(toLedgerRange);
  }
}

function toRecord(row: ReconciliationRow): ReconciliationRecord {
  return {
    id: row.id,
    organizationId: row.organization_id,
    scopeOrganizationId: row.scope_organization_id,
    format: row.format as RegistryExportFormat | null,
    layout: row.layout,
    status: row.status,
    rows: Number(row.row_count),
    matched: Number(row.matched),
    alertCount: Number(row.alert_count),
    unreadable: Number(row.unreadable),
    error: row.error,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
  };
}

function toLine(row: LineRow): ReconciliationLine {
  return {
    position: Number(row.line_no),
    outcome: row.outcome,
    row: row.export_row === null ? null : Number(row.export_row),
    serial: row.serial,
    detail: row.detail,
    registryDate: row.registry_date,
    registryBeneficiary: row.registry_beneficiary,
    registryReference: row.registry_reference,
    retirementId: row.retirement_id,
    certificateNumber: row.certificate_number,
    ledgerDate: row.ledger_date,
    ledgerBeneficiary: row.ledger_beneficiary,
    evidenceReference: row.evidence_reference,
  };
}

function toLedgerRange(row: LiveBlockRow): LedgerRange {
  return {
    blockId: row.id,
    scheme: row.scheme as SchemeCode,
    namespace: row.namespace,
    start: BigInt(row.start_serial),
    end: BigInt(row.end_serial),
    attributes: parsedAttributes(row.attributes),
    status: row.status,
    ownerId: row.owner_id,
    retirementId: row.retirement_id,
    certificateNumber: row.certificate_number,
    retiredOn: row.retired_on,
    beneficiary: row.beneficiary,
    evidenceRegistry: row.evidence_registry,
    evidenceReference: row.evidence_reference,
  };
}
