import { Injectable } from '@nestjs/common';
import { DomainError } from '@registry/domain';
import { UnitOfWork } from '../ports';
import type { Page } from '../lists/list-page';
import type { ImportKind, ImportRecord, ImportStatus, RefusedRowRecord } from './import-ports';

/** The first refused rows the JSON view carries; the CSV (refusedRows) has them all. */
export const REFUSED_ROWS_IN_VIEW = 1000;
const REFUSED_PAGE = 5000;

export interface ImportView {
  id: string;
  kind: ImportKind;
  status: ImportStatus;
  format: string | null;
  dryRun: boolean;
  total: number;
  accepted: number;
  skipped: number;
  refused: number;
  refusedRows: RefusedRowRecord[];
  error?: string;
  createdAt: string;
  updatedAt: string;
}

/** One line of an organisation's imports: its state and counts, without its refused rows. */
export type ImportSummary = Omit<ImportView, 'refusedRows'>;

/** An import as its organisation sees it; anyone else gets 404 (its existence is not theirs to know). */
@Injectable()
export class ImportQueries {
  constructor(private readonly uow: UnitOfWork) {}

  async view(importId: string, organizationId: string): Promise<ImportView> {
    const record = await this.owned(importId, organizationId);
    const refusedRows = await this.uow.read((stores) => stores.imports.refusedPage(record.id, 0, REFUSED_ROWS_IN_VIEW));
    return { ...summaryOf(record), refusedRows };
  }

  /** An import's state and counts (the importing organisation only; 404 otherwise), without its rows. */
  async summary(importId: string, organizationId: string): Promise<ImportSummary> {
    return summaryOf(await this.owned(importId, organizationId));
  }

  /** The organisation's imports, newest first, `limit` at a time (`cursor`: the previous page's nextCursor). */
  async list(organizationId: string, cursor: string | undefined, limit: number): Promise<Page<ImportSummary>> {
    const before = cursor === undefined ? undefined : decodeListCursor(cursor);
    const records = await this.uow.read((stores) => stores.imports.listForOrganization(organizationId, before, limit + 1));
    const items = records.slice(0, limit).map(summaryOf);
    const last = records.length > limit ? records[limit - 1] : undefined;
    return last ? { items, nextCursor: Buffer.from(`${last.createdAt}|${last.id}`).toString('base64url') } : { items };
  }

  /** An import's refused rows after row `afterRow`, `limit` at a time (the web page's pages); `more` when others follow. */
  async refusedRowsPage(importId: string, organizationId: string, afterRow: number, limit: number): Promise<{ rows: RefusedRowRecord[]; more: boolean }> {
    const record = await this.owned(importId, organizationId);
    const rows = await this.uow.read((stores) => stores.imports.refusedPage(record.id, afterRow, limit + 1));
    return { rows: rows.slice(0, limit), more: rows.length > limit };
  }

  /** Checks access first (so a 404 is answered before any byte of the report), then pages through every refused row. */
  async refusedRows(importId: string, organizationId: string): Promise<AsyncIterable<RefusedRowRecord[]>> {
    const record = await this.owned(importId, organizationId);
    const uow = this.uow;
    return (async function* () {
      for (let after = 0; ; ) {
        const page = await uow.read((stores) => stores.imports.refusedPage(record.id, after, REFUSED_PAGE));
        yield page;
        if (page.length < REFUSED_PAGE) return;
        after = page[page.length - 1].row;
      }
    })();
  }

  private async owned(importId: string, organizationId: string): Promise<ImportRecord> {
    const record = await this.uow.read((stores) => stores.imports.find(importId));
    if (!record || record.organizationId !== organizationId) throw new DomainError('NOT_FOUND', `import ${importId} does not exist`, { field: 'id' });
    return record;
  }
}

function summaryOf(record: ImportRecord): ImportSummary {
  return {
    id: record.id,
    kind: record.kind,
    status: record.status,
    format: record.format,
    dryRun: record.dryRun,
    total: record.total,
    accepted: record.accepted,
    skipped: record.skipped,
    refused: record.refused,
    ...(record.error ? { error: record.error.replace(/^refused: /, '') } : {}),
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}

function decodeListCursor(cursor: string): { createdAt: string; id: string } {
  const match = /^(\d{4}-\d\d-\d\dT[\d:.]+Z)\|([0-9a-f-]{36})$/.exec(/^[A-Za-z0-9_-]{1,200}$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '');
  if (!match) throw new DomainError('VALIDATION_FAILED', 'cursor is not one this list answered', { errors: [{ field: 'cursor', message: 'is not a cursor of this list' }] });
  return { createdAt: match[1], id: match[2] };
}
