import { Injectable } from '@nestjs/common';
import { assertPasswordPolicy, DomainError, normalizeEmail } from '@registry/domain';
import { actorLabel, type Actor } from '../actor';
import { runLedgerCommand } from '../ledger-command';
import { PasswordHasher, UnitOfWork, type PersonRecord } from '../ports';

export interface ResetPasswordCommand {
  /** Whose password: by email (the console), or by id (an administrator's page). */
  email?: string;
  personId?: string;
  newPassword: string;
  /** An administrator; absent: the operator at the console (`people reset-password`). */
  actor?: Actor;
}

/**
 * Gives a person a new password: clears their lockout and revokes every session of theirs, so
 * whoever held one (perhaps the reason for the reset) is out from the next request on. Journaled
 * as `person.password_reset` by whoever did it.
 */
@Injectable()
export class ResetPasswordUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly hasher: PasswordHasher,
  ) {}

  async execute(command: ResetPasswordCommand): Promise<{ personId: string; organizationId: string; sessionsRevoked: number }> {
    if (command.actor && command.actor.kind !== 'admin') throw new DomainError('FORBIDDEN', "only an administrator resets a person's password");
    const person = await this.findPerson(command);
    assertPasswordPolicy(command.newPassword, person.email);
    const passwordHash = await this.hasher.hash(command.newPassword);
    const actor = command.actor ? actorLabel(command.actor) : 'operator:cli';
    const { result } = await runLedgerCommand(this.uow, actor, undefined, async ({ stores, now }) => {
      await stores.locks.key(`sign-in:person:${person.id}`);
      await stores.people.setPassword(person.id, passwordHash, now);
      const sessionsRevoked = await stores.sessions.revokeAllOf(person.id, now);
      return { journalType: 'person.password_reset', journalPayload: { personId: person.id, sessionsRevoked }, result: { personId: person.id, organizationId: person.organizationId, sessionsRevoked } };
    });
    return result;
  }

  private async findPerson(command: ResetPasswordCommand): Promise<PersonRecord> {
    if ((command.email === undefined) === (command.personId === undefined)) throw new Error('ResetPasswordCommand names its person by email or by personId, one of the two');
    if (command.personId !== undefined) {
      const id = command.personId;
      const person = await this.uow.read(({ people }) => people.findById(id));
      if (!person) throw new DomainError('NOT_FOUND', `person ${id} does not exist`);
      return person;
    }
    const email = normalizeEmail(command.email!);
    const person = await this.uow.read(({ people }) => people.findByEmail(email));
    if (!person) throw new DomainError('NOT_FOUND', `no person has the email ${email}`);
    return person;
  }
}
