import { Injectable } from '@nestjs/common';
import { assertCorporateNumber, assertDisplayText, DomainError, type OrganizationRole } from '@registry/domain';
import { newId } from '../ids';
import { actorLabel, type Actor } from '../actor';
import { runLedgerCommand, type IdempotencyRequest } from '../ledger-command';
import { UnitOfWork, type OrganizationRecord } from '../ports';

export interface CreateOrganizationCommand {
  name: string;
  corporateNumber?: string;
  roles: OrganizationRole[];
  actor?: Actor;
  idempotency?: IdempotencyRequest;
}

/** Registers an organisation; journaled, so who opened which account is part of the audit trail. */
@Injectable()
export class CreateOrganizationUseCase {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(command: CreateOrganizationCommand): Promise<OrganizationRecord> {
    // The HTTP DTO checks this too; the CLI (`orgs create --name`) reaches the ledger only here.
    const name = assertDisplayText(command.name, 'name').trim();
    if (name === '') throw new DomainError('VALIDATION_FAILED', 'name must not be empty', { errors: [{ field: 'name', message: 'must not be empty' }] });
    const corporateNumber =
      command.corporateNumber === undefined ? null : assertCorporateNumber(command.corporateNumber);
    const actor = command.actor ? actorLabel(command.actor) : 'operator:cli';
    const { result } = await runLedgerCommand(this.uow, actor, command.idempotency, async ({ stores, now }) => {
      if (corporateNumber) {
        const existing = await stores.organizations.findByCorporateNumber(corporateNumber);
        if (existing) {
          throw new DomainError('DUPLICATE_CORPORATE_NUMBER', `an organisation with corporateNumber ${corporateNumber} already exists`, {
            field: 'corporateNumber',
            existingOrganizationId: existing.id,
          });
        }
      }
      const organization: OrganizationRecord = {
        id: newId(),
        name,
        corporateNumber,
        roles: [...new Set(command.roles)].sort(),
        createdAt: now,
      };
      await stores.organizations.insert(organization);
      return { journalType: 'organization.created', journalPayload: organization, result: organization };
    });
    return result;
  }
}
