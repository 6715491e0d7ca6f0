import { Injectable, Logger } from '@nestjs/common';
import { csrfTokenFor, SESSION_TOKEN_PATTERN, SESSION_TOUCH_RESOLUTION_MS, sessionEndsAt, sessionIdOf, sessionState } from '@registry/domain';
import type { Actor } from '../actor';
import { UnitOfWork } from '../ports';
import { actorOfPerson, toPersonSummary, type PersonSummary } from './person-actor';

export interface ResolveSessionCommand {
  /** The session cookie's value as the browser sent it. */
  sessionToken: string;
}

export interface ResolvedSession {
  actor: Actor;
  person: PersonSummary;
  /** What every form of this session carries (PEOPLE-CSRF-1). */
  csrfToken: string;
  /** When the session ends if nothing more happens (the idle end or the absolute end, the earlier). */
  endsAt: string;
}

/**
 * Who holds this session cookie, or null for an unknown, revoked, expired or idle session, a
 * disabled person, or one whose password changed since the sign-in. Looked up in the database on
 * every request: a revoked session is refused everywhere from the next request on.
 */
@Injectable()
export class ResolveSessionUseCase {
  private readonly logger = new Logger(ResolveSessionUseCase.name);

  constructor(private readonly uow: UnitOfWork) {}

  async execute(command: ResolveSessionCommand): Promise<ResolvedSession | null> {
    if (!SESSION_TOKEN_PATTERN.test(command.sessionToken)) return null;
    const now = new Date();
    const id = sessionIdOf(command.sessionToken);
    const found = await this.uow.read(async ({ sessions, people, organizations }) => {
      const session = await sessions.findById(id);
      if (!session || sessionState(session, now) !== 'active') return null;
      const person = await people.findById(session.personId);
      if (!person || person.disabledAt !== null || session.createdAt < person.passwordChangedAt) return null;
      const organization = await organizations.findById(person.organizationId);
      return organization ? { session, person, organization } : null;
    });
    if (!found) return null;
    const lastSeenAt = await this.touch(id, found.session.lastSeenAt, now);
    return {
      actor: actorOfPerson(found.person, found.organization),
      person: toPersonSummary(found.person),
      csrfToken: csrfTokenFor(command.sessionToken),
      endsAt: sessionEndsAt({ ...found.session, lastSeenAt }),
    };
  }

  /** Refreshes last_seen at most once a minute, so most page loads stay reads; returns the instant in force. */
  private async touch(id: string, lastSeenAt: string, now: Date): Promise<string> {
    const staleBefore = new Date(now.getTime() - SESSION_TOUCH_RESOLUTION_MS).toISOString();
    if (lastSeenAt >= staleBefore) return lastSeenAt;
    try {
      await this.uow.write(({ sessions }) => sessions.touchLastSeen(id, now.toISOString(), staleBefore));
      return now.toISOString();
    } catch (error) {
      // Bookkeeping only; the session id is a hash, safe to name, the token is not named.
      this.logger.warn(`could not record the use of session ${id.slice(0, 12)}…: ${error instanceof Error ? error.message : String(error)}`);
      return lastSeenAt;
    }
  }
}
