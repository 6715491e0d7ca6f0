import type { INestApplication } from '@nestjs/common';
import type { RegistryConfig } from '@registry/config';
import type { Server } from 'node:http';
import { drainHttpServer } from './drain-http-server';
import { ShutdownState } from './shutdown-state';

/** Closing queues and the database after the HTTP drain may take this long before the process gives up. */
const CLOSE_BOUND_MS = 15_000;

/**
 * On SIGTERM or SIGINT: readiness answers 503 (for SHUTDOWN_DELAY_MS, so a load balancer stops
 * sending), the listener closes, requests in flight finish (within SHUTDOWN_GRACE_MS), then Nest's
 * shutdown hooks close the queues (the running job finishes), the workers and the database; exit 0.
 *
 * Not Nest's enableShutdownHooks(): it runs onModuleDestroy hooks before it stops the HTTP server
 * (a request could outlive a connection pool closed under it) and ends by re-raising the signal.
 */
export function shutDownGracefully(app: INestApplication, config: RegistryConfig, log: (entry: object) => void): void {
  let started = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (started) return; // a second signal while draining changes nothing
    started = true;
    void stop(signal);
  };
  const stop = async (signal: NodeJS.Signals) => {
    const begun = Date.now();
    app.get(ShutdownState).begin();
    log({ level: 'info', msg: 'shutting down', signal, delayMs: config.shutdownDelayMs, graceMs: config.shutdownGraceMs });
    try {
      await new Promise((resolve) => setTimeout(resolve, config.shutdownDelayMs));
      const inTime = await drainHttpServer(app.getHttpServer() as Server, config.shutdownGraceMs);
      if (!inTime) log({ level: 'warn', msg: `requests still running after SHUTDOWN_GRACE_MS (${config.shutdownGraceMs} ms) were cut off` });
      setTimeout(() => {
        log({ level: 'error', msg: `queues and database did not close within ${CLOSE_BOUND_MS} ms; exiting anyway` });
        process.exit(1);
      }, CLOSE_BOUND_MS).unref();
      await app.close();
      log({ level: 'info', msg: 'stopped', afterMs: Date.now() - begun });
      process.exit(0);
    } catch (error) {
      log({ level: 'error', msg: 'shutdown failed', err: error instanceof Error ? error.stack : String(error) });
      process.exit(1);
    }
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
