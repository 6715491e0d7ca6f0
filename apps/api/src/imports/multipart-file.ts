import { DomainError } from '@registry/domain';
import busboy from 'busboy';
import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';

// busboy (the parser multer uses) streams a part as it arrives, where multer would buffer the whole
// file in memory or on disk first.

export interface UploadedFile {
  filename: string;
  mimeType: string;
  stream: Readable & { truncated?: boolean };
}

/** The first file of a multipart/form-data body, as a stream (other parts are skipped). */
export function firstMultipartFile(req: IncomingMessage, maxBytes: number): Promise<UploadedFile> {
  let parser: ReturnType<typeof busboy>;
  try {
    parser = busboy({ headers: req.headers, limits: { files: 1, fileSize: maxBytes } });
  } catch (error) {
    return Promise.reject(invalidUpload(`Content-Type: ${(error as Error).message}`, 'Content-Type'));
  }
  return new Promise((resolve, reject) => {
    parser.on('file', (_name, stream, info) => resolve({ filename: info.filename ?? '', mimeType: info.mimeType, stream }));
    parser.on('error', (error: unknown) => reject(invalidUpload(`file: the multipart body cannot be read (${error instanceof Error ? error.message : 'unknown error'})`, 'file')));
    parser.on('close', () => reject(invalidUpload('file: the multipart body has no file', 'file')));
    req.pipe(parser);
  });
}

export function invalidUpload(message: string, field: string): DomainError {
  return new DomainError('VALIDATION_FAILED', message, { errors: [{ field, message }] });
}
