import { Inject, Injectable } from '@nestjs/common';
import { REGISTRY_CONFIG, type RegistryConfig } from '@registry/config';
import { UnitOfWork } from '@registry/ledger/ports';
import { timingSafeEqual } from 'node:crypto';
import { parseApiKey, sha256Hex } from './api-key-format';
import type { Principal } from './principal';

@Injectable()
export class ApiKeyAuthenticator {
  private readonly adminDigest: Buffer | null;

  constructor(
    @Inject(REGISTRY_CONFIG) config: RegistryConfig,
    private readonly uow: UnitOfWork,
  ) {
    this.adminDigest = config.adminApiKey ? Buffer.from(sha256Hex(config.adminApiKey), 'hex') : null;
  }

  /** Returns who holds this key, or null for any unknown, revoked or malformed key. */
  async authenticate(presented: string): Promise<Principal | null> {
    // Digests of equal length make the comparison constant-time whatever was presented.
    const presentedDigest = Buffer.from(sha256Hex(presented), 'hex');
    if (this.adminDigest && timingSafeEqual(presentedDigest, this.adminDigest)) return { kind: 'admin' };

    const parsed = parseApiKey(presented);
    if (!parsed) return null;
    const found = await this.uow.read(async ({ apiKeys, organizations }) => {
      const key = await apiKeys.findByLookupId(parsed.lookupId);
      if (!key || key.revokedAt) return null;
      const organization = await organizations.findById(key.organizationId);
      return organization ? { key, organization } : null;
    });
    if (!found) return null;
    const expected = Buffer.from(found.key.secretSha256, 'hex');
    const actual = Buffer.from(sha256Hex(parsed.secret), 'hex');
    if (!timingSafeEqual(actual, expected)) return null;
    return {
      kind: 'organization',
      organizationId: found.organization.id,
      roles: found.organization.roles,
      apiKeyId: found.key.id,
    };
  }
}
