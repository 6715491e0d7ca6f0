import { Injectable } from '@nestjs/common';
import { DomainError } from '@registry/domain';
import { newId } from '../ids';
import { UnitOfWork } from '../ports';
import { assertHoldingsFormat } from './holdings-formats';
import type { ImportRecord } from './import-ports';

export interface CreateHoldingsImportCommand {
  organizationId: string;
  /** How the journal names who imports (an API key, or the operator at the CLI). */
  actor: string;
  format?: string;
  dryRun: boolean;
}

/** Records a new holdings import (queued) for a provider; its rows are read by RunHoldingsImportUseCase. */
@Injectable()
export class CreateHoldingsImportUseCase {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(command: CreateHoldingsImportCommand): Promise<ImportRecord> {
    assertHoldingsFormat(command.format);
    return this.uow.write(async (stores) => {
      const organization = await stores.organizations.findById(command.organizationId);
      if (!organization) throw new DomainError('NOT_FOUND', `organisation ${command.organizationId} does not exist`, { field: 'org' });
      if (!organization.roles.includes('provider')) {
        throw new DomainError('FORBIDDEN', `organisation ${command.organizationId} does not have the provider role: only providers hold credits`, { field: 'org' });
      }
      const now = new Date().toISOString();
      const record: ImportRecord = {
        id: newId(),
        organizationId: organization.id,
        actor: command.actor,
        kind: 'holdings',
        format: command.format ?? null,
        dryRun: command.dryRun,
        status: 'queued',
        total: 0,
        accepted: 0,
        skipped: 0,
        refused: 0,
        rowsDone: 0,
        error: null,
        createdAt: now,
        updatedAt: now,
      };
      await stores.imports.insert(record);
      return record;
    });
  }
}
