import { Injectable } from '@nestjs/common';
import { assertPasswordPolicy, DomainError, normalizeEmail } from '@registry/domain';
import { actorLabel, type Actor } from '../actor';
import { runLedgerCommand } from '../ledger-command';
import { PasswordHasher, UnitOfWork } from '../ports';

export interface ResetPasswordCommand {
  email: string;
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

  async execute(command: ResetPasswordCommand): Promise<{ personId: string; sessionsRevoked: number }> {
    if (command.actor && command.actor.kind !== 'admin') throw new DomainError('FORBIDDEN', "only an administrator resets a person's password");
    const email = normalizeEmail(command.email);
    assertPasswordPolicy(command.newPassword, email);
    const passwordHash = await this.hasher.hash(command.newPassword);
    const actor = command.actor ? actorLabel(command.actor) : 'operator:cli';
    const { result } = await runLedgerCommand(this.uow, actor, undefined, async ({ stores, now }) => {
      const person = await stores.people.findByEmail(email);
      if (!person) throw new DomainError('NOT_FOUND', `no person has the email ${email}`);
      await stores.locks.key(`sign-in:person:${person.id}`);
      await stores.people.setPassword(person.id, passwordHash, now);
      const sessionsRevoked = await stores.sessions.revokeAllOf(person.id, now);
      return { journalType: 'person.password_reset', journalPayload: { personId: person.id, sessionsRevoked }, result: { personId: person.id, sessionsRevoked } };
    });
    return result;
  }
}
