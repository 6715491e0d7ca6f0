import { Injectable } from '@nestjs/common';
import { DomainError } from '@registry/domain';
import { UnitOfWork } from '../ports';
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

/** An import as its organisation sees it; anyone else gets 404 (its existence is not theirs to know). */
@Injectable()
export class ImportQueries {
  constructor(private readonly uow: UnitOfWork) {}

  async view(importId: string, organizationId: string): Promise<ImportView> {
    const record = await this.owned(importId, organizationId);
    const refusedRows = await this.uow.read((stores) => stores.imports.refusedPage(record.id, 0, REFUSED_ROWS_IN_VIEW));
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
      refusedRows,
      ...(record.error ? { error: record.error.replace(/^refused: /, '') } : {}),
      createdAt: record.createdAt,
      updatedAt: record.updatedAt,
    };
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
