import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { Webhook } from 'standardwebhooks';

export interface ReceivedWebhook {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** What the receiver answered. */
  answered: number;
  at: number;
}

/**
 * A real HTTP receiver on 127.0.0.1. `failFirst(path, n)` answers 500 to the first n requests on
 * that path; `hang(path)` never answers there (a delivery in flight, for crash tests).
 */
export interface WebhookReceiver {
  url(path: string): string;
  received: ReceivedWebhook[];
  onPath(path: string): ReceivedWebhook[];
  failFirst(path: string, attempts: number): void;
  hang(path: string, onRequest?: () => void): void;
  /** Answers on the path again (204) from the next request on. */
  release(path: string): void;
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const failures = new Map<string, number>();
  const hanging = new Map<string, (() => void) | undefined>();
  const server: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      const path = req.url ?? '/';
      if (hanging.has(path)) {
        received.push({ path, headers: req.headers, body, answered: 0, at: Date.now() });
        hanging.get(path)?.();
        return; // never answers
      }
      const left = failures.get(path) ?? 0;
      const answered = left > 0 ? 500 : 204;
      if (left > 0) failures.set(path, left - 1);
      received.push({ path, headers: req.headers, body, answered, at: Date.now() });
      res.writeHead(answered).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    received,
    onPath: (path) => received.filter((r) => r.path === path),
    failFirst: (path, attempts) => failures.set(path, attempts),
    hang: (path, onRequest) => hanging.set(path, onRequest),
    release: (path) => hanging.delete(path),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Verifies a delivery independently of the registry's code, with `standardwebhooks` (the Standard
 * Webhooks reference implementation): any of the space-separated `v1,` signatures made with the
 * secret over `id.timestamp.body`, and a timestamp within five minutes.
 */
export function verifyStandardWebhook(secret: string, headers: IncomingHttpHeaders, body: string): boolean {
  const signed = {
    'webhook-id': String(headers['webhook-id'] ?? ''),
    'webhook-timestamp': String(headers['webhook-timestamp'] ?? ''),
    'webhook-signature': String(headers['webhook-signature'] ?? ''),
  };
  try {
    new Webhook(secret).verify(body, signed);
    return true;
  } catch {
    return false;
  }
}
