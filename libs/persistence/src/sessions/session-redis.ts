import type { RegistryConfig } from '@registry/config';
import { Redis } from 'ioredis';

/**
 * The Redis connection of SESSION_STORE=redis, or null. A command retries once while Redis is
 * away, then fails the request, rather than holding it until Redis comes back.
 */
export function openSessionRedis(config: Pick<RegistryConfig, 'sessionStore' | 'redisUrl'>): Redis | null {
  if (config.sessionStore !== 'redis' || !config.redisUrl) return null;
  return new Redis(config.redisUrl, { maxRetriesPerRequest: 1 });
}
