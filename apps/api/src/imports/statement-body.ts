import { DomainError } from '@registry/domain';
import type { IncomingMessage } from 'node:http';
import { assertKnownCharset, decodeToUtf8 } from '@registry/ledger';
import { contentTypeCharset } from '../http/body-parsers';
import { firstMultipartFile, invalidUpload } from './multipart-file';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The largest statement an upload may carry (a million-row statement is about 55 MB). */
export const STATEMENT_MAX_BYTES = 512 * 1024 * 1024;

/**
 * The statement's bytes as they arrive: the body itself (`text/csv`, or an .xlsx workbook), or the
 * one file of a `multipart/form-data` body. The job tells CSV from .xlsx by the file's first bytes.
 */
export function statementBody(req: IncomingMessage): AsyncIterable<Buffer> {
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > STATEMENT_MAX_BYTES) {
    throw new DomainError('PAYLOAD_TOO_LARGE', `a statement may be at most ${STATEMENT_MAX_BYTES} bytes`, { limit: STATEMENT_MAX_BYTES });
  }
  if (type === 'text/csv') {
    // A CSV in another charset (Shift_JIS from Excel, say) is read in it, as the API's other CSV bodies are.
    const charset = contentTypeCharset(req.headers['content-type']) ?? 'utf-8';
    assertKnownCharset(charset, 'Content-Type');
    return decodeToUtf8(req, charset);
  }
  if (type === XLSX) return req;
  if (type === 'multipart/form-data') return multipartStatement(req);
  const why = `${type || 'no Content-Type'} is not a statement format: send text/csv, ${XLSX}, or multipart/form-data with one file`;
  throw invalidUpload(`Content-Type: ${why}`, 'Content-Type');
}

async function* multipartStatement(req: IncomingMessage): AsyncGenerator<Buffer> {
  const file = await firstMultipartFile(req, STATEMENT_MAX_BYTES);
  for await (const chunk of file.stream) yield chunk as Buffer;
  if (file.stream.truncated) throw new DomainError('PAYLOAD_TOO_LARGE', `a statement may be at most ${STATEMENT_MAX_BYTES} bytes`, { limit: STATEMENT_MAX_BYTES });
}
