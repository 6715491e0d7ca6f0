import { Injectable } from '@nestjs/common';
import { DomainError } from '@registry/domain';
import { UnitOfWork } from '@registry/ledger/ports';
import { randomUUID } from 'node:crypto';
import { generateApiKey } from './api-key-format';

export interface IssuedApiKey {
  id: string;
  organizationId: string;
  /** Shown once; only its digest is stored. */
  key: string;
  label: string | null;
  createdAt: string;
}

@Injectable()
export class IssueApiKeyUseCase {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(organizationId: string, label?: string): Promise<IssuedApiKey> {
    const generated = generateApiKey();
    const record = {
      id: randomUUID(),
      organizationId,
      lookupId: generated.lookupId,
      secretSha256: generated.secretSha256,
      label: label?.trim() || null,
      createdAt: new Date().toISOString(),
      revokedAt: null,
    };
    await this.uow.write(async ({ organizations, apiKeys }) => {
      if (!(await organizations.findById(organizationId))) {
        throw new DomainError('NOT_FOUND', `organization ${organizationId} does not exist`);
      }
      await apiKeys.insert(record);
    });
    return { id: record.id, organizationId, key: generated.key, label: record.label, createdAt: record.createdAt };
  }
}
