import { Agent, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestApp } from './test-app';

export interface RawRequest {
  method: string;
  /** Path and query exactly as they go on the request line (already percent-encoded, or deliberately not). */
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/**
 * Sends requests byte for byte as given (supertest would re-encode the URL and set its own
 * headers), over one kept-alive connection to the test app.
 */
export class RawHttpClient {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 2 });

  private constructor(private readonly port: number) {}

  static async listen(t: TestApp): Promise<RawHttpClient> {
    const server = t.app.getHttpServer() as Server;
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return new RawHttpClient((server.address() as AddressInfo).port);
  }

  async send(req: RawRequest): Promise<RawResponse> {
    try {
      return await this.sendOnce(req, this.agent);
    } catch (error) {
      // A kept-alive connection the server closed (after a 413, say) can fail on reuse before any
      // answer: once more on a new connection. A server that really dropped the request fails again.
      if (!isStaleConnection(error)) throw error;
      return this.sendOnce(req, false);
    }
  }

  private sendOnce(req: RawRequest, agent: Agent | false): Promise<RawResponse> {
    const body = req.body === undefined ? undefined : Buffer.isBuffer(req.body) ? req.body : Buffer.from(req.body, 'utf8');
    const headers: Record<string, string | number> = { ...req.headers };
    if (body) headers['content-length'] = body.length;
    return new Promise((resolve, reject) => {
      let answered = false;
      const outgoing = request({ host: '127.0.0.1', port: this.port, method: req.method, path: req.path, headers, agent }, (res) => {
        answered = true;
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      });
      // The server may answer (413, 400) and close before it read the whole body: not a failure.
      outgoing.on('error', (error) => {
        if (!answered) reject(error);
      });
      outgoing.setTimeout(60_000, () => outgoing.destroy(new Error('no answer within 60 s')));
      outgoing.end(body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

function isStaleConnection(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ECONNRESET' || code === 'EPIPE' || (error as Error).message === 'socket hang up';
}
