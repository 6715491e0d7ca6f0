import { Inject, Injectable, Logger } from '@nestjs/common';
import { REGISTRY_CONFIG, type RegistryConfig } from '@registry/config';
import { UnitOfWork, type ApiKeyRecord } from '@registry/ledger/ports';
import { timingSafeEqual } from 'node:crypto';
import { parseApiKey, sha256Hex } from './api-key-format';
import type { Principal } from './principal';

/** `lastUsedAt` is refreshed at most this often, so authenticating stays a read almost always. */
export const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * Looks every key up in the database on every request, on purpose: there is no in-process cache
 * that could keep a revoked or expired key alive in one process after another revoked it.
 */
@Injectable()
export class ApiKeyAuthenticator {
  private readonly logger = new Logger(ApiKeyAuthenticator.name);
  private readonly adminDigest: Buffer | null;
  private readonly metricsDigest: Buffer | null;

  constructor(
    @Inject(REGISTRY_CONFIG) config: RegistryConfig,
    private readonly uow: UnitOfWork,
  ) {
    this.adminDigest = config.adminApiKey ? Buffer.from(sha256Hex(config.adminApiKey), 'hex') : null;
    this.metricsDigest = config.metricsToken ? Buffer.from(sha256Hex(config.metricsToken), 'hex') : null;
  }

  /** Whether this is METRICS_TOKEN: it opens the routes marked @AcceptsMetricsToken() and no others. */
  isMetricsToken(presented: string): boolean {
    return this.metricsDigest !== null && timingSafeEqual(Buffer.from(sha256Hex(presented), 'hex'), this.metricsDigest);
  }

  /** Returns who holds this key, or null for any unknown, revoked, expired or malformed key. */
  async authenticate(presented: string): Promise<Principal | null> {
    // Digests of equal length make the comparison constant-time whatever was presented.
    const presentedDigest = Buffer.from(sha256Hex(presented), 'hex');
    if (this.adminDigest && timingSafeEqual(presentedDigest, this.adminDigest)) return { kind: 'admin' };

    const parsed = parseApiKey(presented);
    if (!parsed) return null;
    const now = new Date();
    const found = await this.uow.read(({ apiKeys }) => apiKeys.findWithOrganization(parsed.lookupId));
    if (!found || found.key.revokedAt || isExpired(found.key, now)) return null;
    const expected = Buffer.from(found.key.secretSha256, 'hex');
    const actual = Buffer.from(sha256Hex(parsed.secret), 'hex');
    if (!timingSafeEqual(actual, expected)) return null;
    await this.recordUse(found.key, now);
    return {
      kind: 'organization',
      organizationId: found.organization.id,
      roles: found.organization.roles,
      apiKeyId: found.key.id,
    };
  }

  private async recordUse(key: ApiKeyRecord, now: Date): Promise<void> {
    const staleBefore = new Date(now.getTime() - LAST_USED_RESOLUTION_MS).toISOString();
    if (key.lastUsedAt !== null && key.lastUsedAt >= staleBefore) return;
    try {
      await this.uow.write(({ apiKeys }) => apiKeys.touchLastUsed(key.id, now.toISOString(), staleBefore));
    } catch (error) {
      // Bookkeeping only: a store that cannot write answers the request's own writes with 503.
      this.logger.warn(`could not record the use of API key ${key.id}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

function isExpired(key: ApiKeyRecord, now: Date): boolean {
  return key.expiresAt !== null && Date.parse(key.expiresAt) <= now.getTime();
}
