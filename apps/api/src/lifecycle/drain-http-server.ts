import type { Server } from 'node:http';

/** How often connections that finished their last request are closed while draining. */
const IDLE_SWEEP_MS = 100;

/**
 * Stops accepting connections and waits for the requests in flight, at most `graceMs`; then cuts
 * the connections still open. Resolves true when every request finished in time. Idle keep-alive
 * connections are closed as they become idle, so a client holding one open cannot keep the
 * process alive until the grace period ends.
 */
export async function drainHttpServer(server: Server, graceMs: number): Promise<boolean> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  const sweep = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS);
  server.closeIdleConnections();
  let timer: NodeJS.Timeout | undefined;
  const graceOver = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), graceMs)));
  const inTime = await Promise.race([closed.then(() => true as const), graceOver]);
  clearInterval(sweep);
  clearTimeout(timer);
  if (!inTime) {
    server.closeAllConnections();
    await closed;
  }
  return inTime;
}
