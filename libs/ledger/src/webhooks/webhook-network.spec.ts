import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { NodeWebhookNetwork } from './webhook-network';

/** A network whose DNS answers what the test says (the real lookup is replaced, nothing else). */
class StubbedDns extends NodeWebhookNetwork {
  constructor(private readonly answers: Record<string, string[]>) {
    super();
  }
  override resolve(host: string): Promise<string[]> {
    return Promise.resolve(this.answers[host] ?? []);
  }
}

describe('webhook delivery: the target is checked again when sending, and the checked address is the one used', () => {
  let server: Server;
  let port: number;
  const seen: { host?: string; headers: IncomingHttpHeaders }[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push({ host: req.headers.host, headers: req.headers });
      res.writeHead(req.url === '/redirect' ? 302 : 204, req.url === '/redirect' ? { location: 'http://127.0.0.1:1/elsewhere' } : {}).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const post = (network: NodeWebhookNetwork, url: string, allowPrivateNetworks: boolean) => network.post({ url, headers: { 'webhook-id': 'msg_1' }, body: '{}', allowPrivateNetworks });

  it('refuses, at delivery time, a name that now resolves to a private address (DNS rebinding after registration)', async () => {
    const network = new StubbedDns({ 'hooks.example.com': ['93.184.216.34', '10.0.0.7'] });
    await expect(post(network, 'https://hooks.example.com/x', false)).rejects.toThrow(/non-public address \(10\.0\.0\.7\)/);
  });

  it('refuses a name that no longer resolves, and a private literal, without connecting', async () => {
    await expect(post(new StubbedDns({}), 'https://gone.example.com/x', false)).rejects.toThrow(/does not resolve/);
    await expect(post(new StubbedDns({}), `http://127.0.0.1:${port}/x`, false)).rejects.toThrow(/url must use https/);
    await expect(post(new StubbedDns({}), `https://127.0.0.1:${port}/x`, false)).rejects.toThrow(/must reach a public address/);
    expect(seen).toEqual([]);
  });

  it('connects to the address it checked (pinned), sending the name as Host', async () => {
    // The name exists only in the stub: the request reaches the server only through the pinned address.
    const network = new StubbedDns({ 'receiver.test': ['127.0.0.1'] });
    await expect(post(network, `http://receiver.test:${port}/hook`, true)).resolves.toBe(204);
    expect(seen.at(-1)).toMatchObject({ host: `receiver.test:${port}`, headers: expect.objectContaining({ 'webhook-id': 'msg_1' }) });
  });

  it('does not follow redirects: a 302 is the answer (a failed attempt)', async () => {
    const before = seen.length;
    await expect(post(new StubbedDns({}), `http://127.0.0.1:${port}/redirect`, true)).resolves.toBe(302);
    expect(seen.length).toBe(before + 1);
  });
});
