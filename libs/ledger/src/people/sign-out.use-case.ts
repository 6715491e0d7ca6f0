import { Injectable } from '@nestjs/common';
import { sessionIdOf } from '@registry/domain';
import { runLedgerCommand } from '../ledger-command';
import { UnitOfWork } from '../ports';
import { personActorLabel } from './person-actor';

export interface SignOutCommand {
  sessionToken: string;
}

/**
 * Ends a session for good, journaled as `person.signed_out` by that person. An unknown or already
 * ended session is left alone (signing out twice is not an error) and journals nothing.
 */
@Injectable()
export class SignOutUseCase {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(command: SignOutCommand): Promise<{ signedOut: boolean }> {
    const id = sessionIdOf(command.sessionToken);
    const found = await this.uow.read(async ({ sessions, people }) => {
      const session = await sessions.findById(id);
      const person = session && session.revokedAt === null ? await people.findById(session.personId) : null;
      return person ? { person, actor: personActorLabel(person) } : null;
    });
    if (!found) return { signedOut: false };
    const { result } = await runLedgerCommand(
      this.uow,
      found.actor,
      undefined,
      async ({ stores, now }) => {
        const revoked = await stores.sessions.revoke(id, now);
        // Lost a race with another sign-out or a reset: nothing changed, but one entry must be written; say so.
        return { journalType: 'person.signed_out', journalPayload: { personId: found.person.id, revoked }, result: { signedOut: revoked } };
      },
      { concurrent: true },
    );
    return result;
  }
}
