import { Injectable } from '@nestjs/common';
import { assertDisplayText, DomainError } from '@registry/domain';
import { actorLabel, type Actor } from '../actor';
import { runLedgerCommand } from '../ledger-command';
import { UnitOfWork, type OrganizationRecord } from '../ports';

export interface RenameOrganizationCommand {
  actor: Actor;
  organizationId: string;
  name: string;
}

/**
 * A company renames itself (商号変更); journaled with the old and the new name. Certificates already
 * issued keep the name they were signed with: they are what was attested that day.
 */
@Injectable()
export class RenameOrganizationUseCase {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(command: RenameOrganizationCommand): Promise<OrganizationRecord> {
    const name = assertDisplayText(command.name, 'name').trim();
    if (name === '') throw new DomainError('VALIDATION_FAILED', 'name must not be empty', { errors: [{ field: 'name', message: 'must not be empty' }] });
    const { result } = await runLedgerCommand(this.uow, actorLabel(command.actor), undefined, async ({ stores }) => {
      const organization = await stores.organizations.findById(command.organizationId);
      if (!organization) throw new DomainError('NOT_FOUND', `organisation ${command.organizationId} does not exist`, { field: 'id' });
      await stores.organizations.rename(organization.id, name);
      const renamed = { ...organization, name };
      return { journalType: 'organization.renamed', journalPayload: { organizationId: organization.id, from: organization.name, to: name }, result: renamed };
    });
    return result;
  }
}
