import { StreamableFile } from '@nestjs/common';
import { headerLanguage, listFormat, TABLE_CONTENT_TYPE, tableStream, type ExportColumn } from '@registry/documents';
import { pageLimit } from './paging';

export interface ListAnswer<T, P extends { items: T[]; nextCursor?: string }, R> {
  accept?: string;
  name: string;
  columns: readonly ExportColumn<R>[];
  page: (cursor: string | undefined, limit: number) => Promise<P>;
  /** The file's rows for a page's items (the register: one row per credit); the items themselves when absent. */
  rows?: (items: T[]) => R[];
  cursor?: string;
  limit?: string;
  format?: string;
  lang?: string;
}

/** JSON answers one page; CSV and xlsx stream the whole filtered list from the cursor on. */
export function answer<T, P extends { items: T[]; nextCursor?: string }, R = T>(a: ListAnswer<T, P, R>): Promise<P> | StreamableFile {
  const format = listFormat(a.format, a.accept);
  const lang = headerLanguage(a.lang);
  if (format === 'json') return a.page(a.cursor, pageLimit(a.limit));
  const rows = a.rows ?? ((items: T[]) => items as unknown as R[]);
  const page = async (cursor: string | undefined, limit: number) => {
    const { items, nextCursor } = await a.page(cursor, limit);
    return { items: rows(items), nextCursor };
  };
  const stream = tableStream({ format, lang, columns: a.columns, name: a.name, page, cursor: a.cursor, limit: a.limit === undefined ? undefined : pageLimit(a.limit) });
  return new StreamableFile(stream, { type: TABLE_CONTENT_TYPE[format], disposition: `attachment; filename="${a.name}.${format}"` });
}
