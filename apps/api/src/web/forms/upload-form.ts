import fastifyMultipart, { type Multipart, type MultipartFile } from '@fastify/multipart';
import { SetMetadata } from '@nestjs/common';
import { DomainError } from '@registry/domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { FormBody } from '../../http/body-parsers';

export const UPLOAD_FORM = 'registry:webUploadForm';

/** Which limit a form's file obeys: WEB_UPLOAD_LIMIT_BYTES (statements) or BODY_LIMIT_BYTES (small lists read whole). */
export type UploadLimit = 'webUpload' | 'body';

export interface UploadFormOptions {
  /** The file input's name. */
  file: string;
  limit: UploadLimit;
}

/**
 * A web route whose form sends one file as multipart/form-data (`enctype="multipart/form-data"`). Only
 * such a route reads a multipart body: the web session guard reads its fields up to the file, checks
 * `_csrf` among them, and leaves the file unread for the handler. Fields after the file are not read,
 * so a form puts its file input last (browsers send fields in document order).
 */
export const UploadForm = (options: UploadFormOptions) => SetMetadata(UPLOAD_FORM, options);

/** A form's fields read so far and its one file, its bytes not yet read. */
export interface UploadedForm {
  fields: FormBody;
  /** Absent when the form sent no file part. */
  file?: MultipartFile;
}

const FORMS = new WeakMap<FastifyRequest, UploadedForm>();
const MAX_FIELDS = 20;
/** A pasted list of 1,000 serials is about 40 KB: room to spare, and a longer field is refused, never cut. */
const MAX_FIELD_BYTES = 256 * 1024;

/**
 * @fastify/multipart for the web's upload forms. Its body parser only marks a multipart request and
 * reads nothing (as the parser it replaces did), so the API's uploads under /v1 still read `req.raw`
 * themselves (statement-body.ts); only readUploadForm, on an `@UploadForm()` web route, parses one.
 */
export async function registerWebUploads(fastify: FastifyInstance): Promise<void> {
  await fastify.register(fastifyMultipart, { limits: { files: 1, fields: MAX_FIELDS, fieldSize: MAX_FIELD_BYTES } });
}

export function isMultipartForm(request: FastifyRequest): boolean {
  return /^multipart\/form-data\s*(;|$)/i.test(request.headers['content-type'] ?? '');
}

/**
 * Reads a multipart form's fields up to its first file part (a field given twice becomes an array,
 * as in an urlencoded form), keeps the file unread, and sets `request.body` to the fields. Idempotent.
 */
export async function readUploadForm(request: FastifyRequest, options: UploadFormOptions, maxBytes: number): Promise<UploadedForm> {
  const known = FORMS.get(request);
  if (known) return known;
  const form: UploadedForm = { fields: Object.create(null) as FormBody };
  FORMS.set(request, form);
  try {
    const parts = request.parts({ limits: { files: 1, fields: MAX_FIELDS, fieldSize: MAX_FIELD_BYTES, fileSize: maxBytes }, throwFileSizeLimit: false } as Parameters<FastifyRequest['parts']>[0]);
    for await (const part of parts as AsyncIterable<Multipart>) {
      if (part.type === 'file') {
        if (part.fieldname === options.file) form.file = part;
        else part.file.resume();
        break;
      }
      if (part.valueTruncated) throw new DomainError('PAYLOAD_TOO_LARGE', `${part.fieldname}: a field may be at most ${MAX_FIELD_BYTES} bytes`, { errors: [{ field: part.fieldname, message: 'too long' }] });
      const value = String(part.value);
      const previous = form.fields[part.fieldname];
      form.fields[part.fieldname] = previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value];
    }
  } catch (error) {
    throw error instanceof DomainError ? error : unreadableForm(error);
  }
  (request as { body: unknown }).body = form.fields;
  return form;
}

/** The form the guard read for this request, if it was an upload. */
export function uploadedFormOf(request: FastifyRequest): UploadedForm | undefined {
  return FORMS.get(request);
}

/** A refused upload: the rest of its file is read and dropped, so the request ends and the connection stays usable. */
export function discardUpload(request: FastifyRequest): void {
  const file = FORMS.get(request)?.file?.file;
  if (file && !file.readableEnded && !file.destroyed) file.resume();
}

function unreadableForm(error: unknown): DomainError {
  const status = (error as { statusCode?: number }).statusCode;
  const message = `form: the multipart body cannot be read (${error instanceof Error ? error.message : 'unknown error'})`;
  if (status === 413) return new DomainError('PAYLOAD_TOO_LARGE', message, { errors: [{ field: 'form', message }] });
  return new DomainError('VALIDATION_FAILED', message, { errors: [{ field: 'form', message }] });
}
