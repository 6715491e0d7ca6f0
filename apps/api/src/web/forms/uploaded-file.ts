import type { MultipartFile } from '@fastify/multipart';
import { DomainError } from '@registry/domain';

/** The import form's file input. */
export const STATEMENT_FILE = 'statement';
/** The bulk check form's file input. */
export const SERIAL_LIST_FILE = 'list';

/** What was wrong with a form's file, in the words the form shows beside it. */
export type FileProblem = 'chooseFile' | 'wrongType' | 'empty' | 'tooLarge';

/** Statements are CSV or .xlsx; serial lists are text or CSV (Windows names a .csv application/vnd.ms-excel). */
const ACCEPTED = {
  statement: {
    extensions: ['.csv', '.txt', '.xlsx'],
    types: ['text/csv', 'text/plain', 'application/vnd.ms-excel', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  },
  serialList: { extensions: ['.csv', '.txt'], types: ['text/csv', 'text/plain', 'application/vnd.ms-excel'] },
};

/** Room for the form's other fields and the multipart boundaries beside the file, when judging Content-Length. */
const FORM_OVERHEAD_BYTES = 64 * 1024;
const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

export type ReadFile = { ok: true; body: AsyncIterable<Buffer> } | { ok: false; problem: FileProblem };

/**
 * Looks at a form's file before anything is written: present, of an accepted name or type, not
 * larger than the limit by the request's own length, not empty, text (or an .xlsx workbook for a
 * statement). The bytes then stream on as they arrive; a file cut at the limit fails at its end
 * with PAYLOAD_TOO_LARGE (busboy marks it truncated), as the API's upload does.
 */
export async function readUploadedFile(part: MultipartFile | undefined, options: { kind: keyof typeof ACCEPTED; maxBytes: number; declaredBytes: number }): Promise<ReadFile> {
  if (!part || part.filename === '') return { ok: false, problem: 'chooseFile' };
  const accepted = ACCEPTED[options.kind];
  const extension = /\.[^.]+$/.exec(part.filename.toLowerCase())?.[0] ?? '';
  if (!accepted.extensions.includes(extension) && !accepted.types.includes(part.mimetype.toLowerCase())) return { ok: false, problem: 'wrongType' };
  if (Number.isFinite(options.declaredBytes) && options.declaredBytes > options.maxBytes + FORM_OVERHEAD_BYTES) return { ok: false, problem: 'tooLarge' };
  const chunks = part.file[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const first = await chunks.next();
  if (first.done) return { ok: false, problem: 'empty' };
  const head = first.value;
  const workbook = options.kind === 'statement' && head.subarray(0, 4).equals(ZIP_SIGNATURE);
  // A NUL in the first bytes: an image, a PDF, UTF-16 text... nothing a statement or a list is.
  if (!workbook && head.subarray(0, 8192).includes(0)) return { ok: false, problem: 'wrongType' };
  return { ok: true, body: theRest(head, chunks, part, options.maxBytes) };
}

async function* theRest(head: Buffer, chunks: AsyncIterator<Buffer>, part: MultipartFile, maxBytes: number): AsyncGenerator<Buffer> {
  yield head;
  for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value;
  if (part.file.truncated) throw tooLarge(maxBytes);
}

/** A whole small file (a serial list, at most BODY_LIMIT_BYTES) as one buffer. */
export async function wholeFile(body: AsyncIterable<Buffer>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(chunk);
  return Buffer.concat(chunks);
}

export function tooLarge(maxBytes: number): DomainError {
  const message = `file: a file may be at most ${maxBytes} bytes`;
  return new DomainError('PAYLOAD_TOO_LARGE', message, { limit: maxBytes, errors: [{ field: 'file', message }] });
}

/** A limit as the form shows it: whole megabytes or kilobytes, or a decimal below one. */
export function uploadSizeText(bytes: number, unit: 'MB' | 'KB'): string {
  const size = bytes / (unit === 'MB' ? 1024 * 1024 : 1024);
  return size >= 1 ? String(Math.floor(size)) : size.toFixed(3);
}
