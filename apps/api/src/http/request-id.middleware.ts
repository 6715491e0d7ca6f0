import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

const CLIENT_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** First middleware of all, so that even body-parser errors carry the request id. */
export function requestIdMiddleware(req: Request & { id?: string }, res: Response, next: NextFunction): void {
  const offered = req.headers['x-request-id'];
  req.id = typeof offered === 'string' && CLIENT_ID.test(offered) ? offered : randomUUID();
  res.setHeader('X-Request-Id', req.id);
  next();
}
