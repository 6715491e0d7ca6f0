import type { Request } from 'express';

/**
 * Routes that read their body as a stream (a statement can be far larger than BODY_LIMIT_BYTES and is
 * never held whole in memory): the global text/csv body parser leaves them alone.
 */
const STREAMED_UPLOAD_PATHS = [/^\/v1\/imports\/?(\?|$)/];

export function isStreamedUpload(req: Pick<Request, 'url'>): boolean {
  return STREAMED_UPLOAD_PATHS.some((path) => path.test(req.url ?? ''));
}

/** The text/csv body parser's `type` test, minus streamed uploads. */
export function parsesCsvBody(req: Request): boolean {
  return /^text\/csv\s*(;|$)/i.test(req.headers['content-type'] ?? '') && !isStreamedUpload(req);
}
