import { Injectable } from '@nestjs/common';
import { assertPasswordPolicy, DomainError, normalizeEmail } from '@registry/domain';
import { runLedgerCommand } from '../ledger-command';
import { CreateOrganizationUseCase } from '../organizations/create-organization.use-case';
import { PasswordHasher, UnitOfWork } from '../ports';
import { insertPerson } from './create-person.use-case';
import { personJournalPayload, toPersonSummary, type PersonSummary } from './person-actor';

export const OPERATOR_ORGANIZATION_NAME = 'Registry operator';

export interface CreateAdministratorCommand {
  email: string;
  password: string;
  /** The organisation the administrator belongs to; default: the existing administrators' one, else a new "Registry operator". */
  organizationId?: string;
  /** Create one even though an administrator exists already. */
  force?: boolean;
}

/**
 * The console's way in (`people create-admin`): the first administrator, a person with the admin
 * role. Refuses when one exists unless forced, so a second run cannot silently add a way in.
 */
@Injectable()
export class CreateAdministratorUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly hasher: PasswordHasher,
    private readonly createOrganization: CreateOrganizationUseCase,
  ) {}

  async execute(command: CreateAdministratorCommand): Promise<PersonSummary> {
    const email = normalizeEmail(command.email);
    assertPasswordPolicy(command.password, email);
    const existing = await this.uow.read(({ people }) => people.listAdministrators());
    if (existing.length > 0 && !command.force) throw administratorExists();
    const organizationId =
      command.organizationId ?? existing[0]?.organizationId ?? (await this.createOrganization.execute({ name: OPERATOR_ORGANIZATION_NAME, roles: [] })).id;
    const passwordHash = await this.hasher.hash(command.password);
    const { result } = await runLedgerCommand(this.uow, 'operator:cli', undefined, async ({ stores, now }) => {
      // Checked again in the transaction: two consoles at once create one administrator, not two.
      await stores.locks.key('people:first-administrator');
      if (!command.force && (await stores.people.listAdministrators()).length > 0) throw administratorExists();
      const person = await insertPerson(stores, { organizationId, email, passwordHash, roles: ['admin'], now });
      return { journalType: 'person.created', journalPayload: personJournalPayload(person), result: toPersonSummary(person) };
    });
    return result;
  }
}

function administratorExists(): DomainError {
  return new DomainError('INVALID_STATE', 'an administrator exists already; pass --force to create another');
}
