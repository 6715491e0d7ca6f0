/**
 * Routes that read their body as a stream (a statement can be far larger than BODY_LIMIT_BYTES and is
 * never held whole in memory): the global text/csv body parser leaves them alone.
 */
const STREAMED_UPLOAD_PATHS = [/^\/v1\/imports\/?(\?|$)/];

export function isStreamedUpload(req: { url?: string }): boolean {
  return STREAMED_UPLOAD_PATHS.some((path) => path.test(req.url ?? ''));
}
