import { Injectable } from '@nestjs/common';
import {
  ACCOUNT_LOCKOUT,
  afterFailure,
  csrfTokenFor,
  DomainError,
  isLocked,
  lockSecondsLeft,
  NO_FAILURES,
  PASSWORD_MAX_LENGTH,
  sessionExpiresAt,
  sessionIdOf,
  SOURCE_THROTTLE,
  tryNormalizeEmail,
} from '@registry/domain';
import { createHash, randomBytes } from 'node:crypto';
import { actorLabel, type Actor } from '../actor';
import { runLedgerCommand } from '../ledger-command';
import { PasswordHasher, UnitOfWork, type PersonRecord } from '../ports';
import { actorOfPerson } from './person-actor';

export interface SignInCommand {
  email: string;
  password: string;
  /** Where the attempt comes from (the client's address): PEOPLE-LOCK-2 counts failures per source. */
  source: string;
  /** The session cookie the browser sent, if any: it is revoked, never reused (no session fixation). */
  presentedSessionToken?: string;
}

export interface SignedIn {
  /** For the cookie only: shown once, stored as its SHA-256. */
  sessionToken: string;
  csrfToken: string;
  /** The absolute end of the session (PEOPLE-SESSION-1). */
  expiresAt: string;
  personId: string;
  actor: Actor;
}

/** One answer for an unknown email, a wrong password, a disabled or a locked account: which it was is not told. */
export const SIGN_IN_REFUSED = 'the email or the password is wrong, or the account is paused after too many failed sign-ins';

/**
 * Signs a person in: throttled per source and per account, a password hash checked whether or not
 * the email is known (an unknown email costs the same Argon2id work as a wrong password), and on
 * success a new session whose token the caller has never seen.
 */
@Injectable()
export class SignInUseCase {
  private dummyHash: Promise<string> | undefined;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly hasher: PasswordHasher,
  ) {}

  async execute(command: SignInCommand): Promise<SignedIn> {
    const now = new Date();
    const sourceKey = createHash('sha256').update(`sign-in source:${command.source}`, 'utf8').digest('hex');
    const email = tryNormalizeEmail(command.email);
    const { throttle, person } = await this.uow.read(async ({ signInThrottles, people }) => ({
      throttle: (await signInThrottles.find(sourceKey)) ?? NO_FAILURES,
      person: email ? await people.findByEmail(email) : null,
    }));
    if (isLocked(throttle, now)) {
      const retryAfterSeconds = lockSecondsLeft(throttle, now);
      throw new DomainError('RATE_LIMITED', `too many failed sign-ins from here; retry in ${retryAfterSeconds} s (${SOURCE_THROTTLE.rule})`, { retryAfterSeconds });
    }
    const passwordMatches = await this.checkPassword(person, command.password);
    if (!passwordMatches || !person || person.disabledAt !== null || isLocked(person.signInFailures, now)) {
      await this.recordFailure(sourceKey, person, now);
      throw new DomainError('UNAUTHENTICATED', SIGN_IN_REFUSED);
    }
    return this.openSession(person, command.presentedSessionToken);
  }

  /** Always one Argon2id verification, against a throw-away hash when there is no account. */
  private async checkPassword(person: PersonRecord | null, password: string): Promise<boolean> {
    const tooLong = [...password].length > PASSWORD_MAX_LENGTH;
    const hash = person && !tooLong ? person.passwordHash : await this.dummy();
    const matches = await this.hasher.verify(hash, tooLong ? '' : password);
    return matches && person !== null && !tooLong;
  }

  private dummy(): Promise<string> {
    this.dummyHash ??= this.hasher.hash(randomBytes(32).toString('base64url'));
    return this.dummyHash;
  }

  private async recordFailure(sourceKey: string, person: PersonRecord | null, now: Date): Promise<void> {
    await this.uow.write(async ({ locks, signInThrottles, people }) => {
      // Read and written under a lock (PostgreSQL), so concurrent failures all count.
      await locks.key(`sign-in:${sourceKey}`);
      await signInThrottles.save(sourceKey, afterFailure((await signInThrottles.find(sourceKey)) ?? NO_FAILURES, now, SOURCE_THROTTLE));
      if (!person) return;
      await locks.key(`sign-in:person:${person.id}`);
      const current = await people.findById(person.id);
      if (current) await people.saveSignInFailures(current.id, afterFailure(current.signInFailures, now, ACCOUNT_LOCKOUT));
    });
  }

  private async openSession(person: PersonRecord, presentedSessionToken: string | undefined): Promise<SignedIn> {
    const sessionToken = randomBytes(32).toString('base64url');
    const organization = await this.uow.read(({ organizations }) => organizations.findById(person.organizationId));
    if (!organization) throw new DomainError('UNAUTHENTICATED', SIGN_IN_REFUSED);
    const actor = actorOfPerson(person, organization);
    // Touches only this person's rows and the session it creates: beside other commands, not alone.
    const { result } = await runLedgerCommand(
      this.uow,
      actorLabel(actor),
      undefined,
      async ({ stores, now }) => {
        await stores.locks.key(`sign-in:person:${person.id}`);
        const current = await stores.people.findById(person.id);
        // Locked or disabled between the password check and now, or the password changed meanwhile.
        if (!current || current.disabledAt !== null || isLocked(current.signInFailures, new Date(now)) || current.passwordHash !== person.passwordHash) {
          throw new DomainError('UNAUTHENTICATED', SIGN_IN_REFUSED);
        }
        if (presentedSessionToken) await stores.sessions.revoke(sessionIdOf(presentedSessionToken), now);
        if (current.signInFailures.failures > 0) await stores.people.saveSignInFailures(current.id, NO_FAILURES);
        const expiresAt = sessionExpiresAt(new Date(now));
        await stores.sessions.insert({ id: sessionIdOf(sessionToken), personId: current.id, createdAt: now, lastSeenAt: now, expiresAt, revokedAt: null });
        return {
          journalType: 'person.signed_in',
          journalPayload: { personId: current.id, organizationId: current.organizationId },
          result: { sessionToken, csrfToken: csrfTokenFor(sessionToken), expiresAt, personId: current.id, actor },
        };
      },
      { concurrent: true },
    );
    return result;
  }
}
