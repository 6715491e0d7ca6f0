import { DomainError } from '@registry/domain';
import type { Request } from 'express';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The largest statement an upload may carry (a million-row statement is about 60 MB). */
export const STATEMENT_MAX_BYTES = 512 * 1024 * 1024;

/**
 * The statement's bytes as they arrive. CSV (`text/csv`) is read today; `.xlsx` and multipart
 * uploads are refused with a 400 naming Content-Type until a spreadsheet reader and a multipart
 * reader are part of the dependencies.
 */
export function statementBody(req: Request): AsyncIterable<Buffer> {
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'text/csv') {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > STATEMENT_MAX_BYTES) {
      throw new DomainError('PAYLOAD_TOO_LARGE', `a statement may be at most ${STATEMENT_MAX_BYTES} bytes`, { limit: STATEMENT_MAX_BYTES });
    }
    return req;
  }
  const why =
    type === XLSX
      ? '.xlsx statements are not read yet (no spreadsheet reader is installed): send the same columns as text/csv'
      : type === 'multipart/form-data'
        ? 'multipart uploads are not read yet: send the file itself with Content-Type: text/csv'
        : `${type || 'no Content-Type'} is not a statement format: send text/csv`;
  throw new DomainError('VALIDATION_FAILED', `Content-Type: ${why}`, { errors: [{ field: 'Content-Type', message: why }] });
}
