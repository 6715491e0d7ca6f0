import { SetMetadata, type ExecutionContext } from '@nestjs/common';
import { SkipThrottle, type ThrottlerModuleOptions, type ThrottlerStorage } from '@nestjs/throttler';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import type { RegistryConfig } from '@registry/config';
import { createHash } from 'node:crypto';
import { MemoryThrottlerStorage } from './memory-throttler-storage';

const MINUTE_MS = 60_000;
const EXPENSIVE = 'registry:expensiveEndpoint';

/** A public read that can answer large results: it also counts against RATE_LIMIT_EXPENSIVE_PER_MINUTE. */
export const ExpensiveEndpoint = () => SetMetadata(EXPENSIVE, true);

/** The three limits' names (`default` is the throttler's name for a limit every request counts against). */
const LIMIT = { perAddress: 'default', perKey: 'key', expensive: 'expensive' } as const;

/**
 * Routes no limit counts: the health probes. A load balancer's or orchestrator's probe answered 429
 * takes a healthy process out of service or restarts it, and behind a proxy without TRUST_PROXY the
 * probe shares its address with every client, so a flood of probes from anyone would do that. The
 * probes do no work worth limiting (liveness none, readiness a `SELECT 1` and a Redis PING).
 */
export const NotRateLimited = () => SkipThrottle(Object.fromEntries(Object.values(LIMIT).map((name) => [name, true])));

interface TrackedRequest {
  headers: Record<string, string | string[] | undefined>;
}

/**
 * Three limits, each counted per route and minute: per client address (`default`: every request),
 * per presented key (`key`), and per address again, lower, on expensive endpoints (`expensive`).
 * The key limit adds to the address limit, never replaces it, so a client cannot escape its
 * address's limit by presenting made-up keys. The address is Fastify's `req.ip`, which follows
 * X-Forwarded-For only from TRUST_PROXY peers. With REDIS_URL the counters live in Redis, so the
 * limits hold for all API processes together; otherwise each process counts in memory. Both count
 * a fixed window per key (one counter and its expiry), so a request costs the same whatever the limit.
 */
export function rateLimits(config: RegistryConfig): ThrottlerModuleOptions {
  const perAddress = config.rateLimitPerMinute;
  const perKey = config.rateLimitPerKeyPerMinute;
  const expensive = config.rateLimitExpensivePerMinute;
  return {
    storage: config.redisUrl ? sharedStorage(config.redisUrl, config.redisPrefix) : new MemoryThrottlerStorage(),
    throttlers: [
      { name: LIMIT.perAddress, ttl: MINUTE_MS, limit: perAddress, skipIf: () => perAddress === 0 },
      {
        name: LIMIT.perKey,
        ttl: MINUTE_MS,
        limit: perKey,
        skipIf: (context) => perKey === 0 || presentedCredential(context) === undefined,
        // Tracked by the digest of what was presented: this runs before authentication, and the
        // throttler's store never holds a secret.
        getTracker: (req) => `key:${digest(credentialOf(req as TrackedRequest) ?? '')}`,
      },
      { name: LIMIT.expensive, ttl: MINUTE_MS, limit: expensive, skipIf: (context) => expensive === 0 || !isExpensive(context) },
    ],
  };
}

/** Whether any of the three limits is on (a limit of 0 is off). */
export function anyRateLimit(config: Pick<RegistryConfig, 'rateLimitPerMinute' | 'rateLimitPerKeyPerMinute' | 'rateLimitExpensivePerMinute'>): boolean {
  return config.rateLimitPerMinute > 0 || config.rateLimitPerKeyPerMinute > 0 || config.rateLimitExpensivePerMinute > 0;
}

function isExpensive(context: ExecutionContext): boolean {
  return [context.getHandler(), context.getClass()].some((target) => Reflect.getMetadata(EXPENSIVE, target) === true);
}

function presentedCredential(context: ExecutionContext): string | undefined {
  return credentialOf(context.switchToHttp().getRequest<TrackedRequest>());
}

function credentialOf(req: TrackedRequest): string | undefined {
  const header = req.headers.authorization;
  return typeof header === 'string' && header.trim() !== '' ? header.trim() : undefined;
}

function digest(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** Counters in Redis under the registry's prefix (several registries may share one Redis); it disconnects on shutdown. */
function sharedStorage(redisUrl: string, prefix: string): ThrottlerStorage {
  return new ThrottlerStorageRedisService(redisUrl, { keyPrefix: `${prefix}:throttle:` });
}
