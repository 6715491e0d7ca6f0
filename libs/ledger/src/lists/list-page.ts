import { DomainError } from '@registry/domain';

export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

/** List cursors are the journal sequence of the last item answered (lists run newest first). */
export function seqCursor(cursor: string | undefined): number | undefined {
  if (cursor === undefined) return undefined;
  if (!/^[1-9]\d{0,15}$/.test(cursor)) {
    throw new DomainError('VALIDATION_FAILED', 'cursor is not one this list answered', { errors: [{ field: 'cursor', message: 'is not a cursor of this list' }] });
  }
  return Number(cursor);
}

/** Asks for one more than `limit` to learn whether a next page exists without counting. */
export function pageOf<T>(rows: readonly { seq: number }[], limit: number, items: T[]): Page<T> {
  return rows.length > limit ? { items: items.slice(0, limit), nextCursor: String(rows[limit - 1].seq) } : { items };
}
