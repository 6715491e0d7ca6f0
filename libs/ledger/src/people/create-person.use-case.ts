import { Injectable } from '@nestjs/common';
import { assertPasswordPolicy, assertPersonRoles, DomainError, NO_FAILURES, normalizeEmail, type Role } from '@registry/domain';
import { actorLabel, type Actor } from '../actor';
import { newId } from '../ids';
import { runLedgerCommand } from '../ledger-command';
import { PasswordHasher, UnitOfWork, type PersonRecord, type Stores } from '../ports';
import { personJournalPayload, toPersonSummary, type PersonSummary } from './person-actor';

export interface CreatePersonCommand {
  organizationId: string;
  email: string;
  password: string;
  roles: Role[];
  /** An administrator; absent: the operator at the console. */
  actor?: Actor;
}

/** Opens an account for a person of an organisation; journaled as `person.created` by whoever did it. */
@Injectable()
export class CreatePersonUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly hasher: PasswordHasher,
  ) {}

  async execute(command: CreatePersonCommand): Promise<PersonSummary> {
    if (command.actor && command.actor.kind !== 'admin') throw new DomainError('FORBIDDEN', 'only an administrator opens accounts for people');
    const email = normalizeEmail(command.email);
    assertPasswordPolicy(command.password, email);
    const passwordHash = await this.hasher.hash(command.password);
    const actor = command.actor ? actorLabel(command.actor) : 'operator:cli';
    const { result } = await runLedgerCommand(this.uow, actor, undefined, async ({ stores, now }) => {
      const person = await insertPerson(stores, { organizationId: command.organizationId, email, passwordHash, roles: command.roles, now });
      return { journalType: 'person.created', journalPayload: personJournalPayload(person), result: toPersonSummary(person) };
    });
    return result;
  }
}

/** Inserts a person after the checks that need the database (organisation, roles, free email). */
export async function insertPerson(
  stores: Stores,
  fields: { organizationId: string; email: string; passwordHash: string; roles: Role[]; now: string },
): Promise<PersonRecord> {
  const organization = await stores.organizations.findById(fields.organizationId);
  if (!organization) throw new DomainError('NOT_FOUND', `organization ${fields.organizationId} does not exist`);
  // Whoever reaches this is an administrator or the console (the callers check), so admin may be granted.
  const roles = assertPersonRoles(fields.roles, organization.roles, true);
  await stores.locks.key(`person-email:${fields.email}`);
  if (await stores.people.findByEmail(fields.email)) {
    throw new DomainError('VALIDATION_FAILED', 'email already belongs to a person', { errors: [{ field: 'email', message: 'already belongs to a person' }] });
  }
  const person: PersonRecord = {
    id: newId(),
    organizationId: organization.id,
    email: fields.email,
    passwordHash: fields.passwordHash,
    roles,
    createdAt: fields.now,
    disabledAt: null,
    signInFailures: NO_FAILURES,
    passwordChangedAt: fields.now,
  };
  await stores.people.insert(person);
  return person;
}
