import { StreamableFile } from '@nestjs/common';
import { headerLanguage, listFormat, TABLE_CONTENT_TYPE, tableStream, type ExportColumn } from '@registry/documents';
import { pageLimit } from './paging';

export interface ListAnswer<T, P extends { items: T[]; nextCursor?: string }> {
  accept?: string;
  name: string;
  columns: readonly ExportColumn<T>[];
  page: (cursor: string | undefined, limit: number) => Promise<P>;
  cursor?: string;
  limit?: string;
  format?: string;
  lang?: string;
}

/** JSON answers one page; CSV and xlsx stream the whole filtered list from the cursor on. */
export function answer<T, P extends { items: T[]; nextCursor?: string }>(a: ListAnswer<T, P>): Promise<P> | StreamableFile {
  const format = listFormat(a.format, a.accept);
  const lang = headerLanguage(a.lang);
  if (format === 'json') return a.page(a.cursor, pageLimit(a.limit));
  const stream = tableStream({ format, lang, columns: a.columns, name: a.name, page: a.page, cursor: a.cursor, limit: a.limit === undefined ? undefined : pageLimit(a.limit) });
  return new StreamableFile(stream, { type: TABLE_CONTENT_TYPE[format], disposition: `attachment; filename="${a.name}.${format}"` });
}
