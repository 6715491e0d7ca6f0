import {
  CreateAdministratorUseCase,
  CreateOrganizationUseCase,
  CreatePersonUseCase,
  generatePassword,
  JournalQueries,
  ListPeopleQuery,
  PasswordHasher,
  ResetPasswordUseCase,
  ResolveSessionUseCase,
  SIGN_IN_REFUSED,
  SignInUseCase,
  SignOutUseCase,
  type Actor,
} from '@registry/ledger';
import { csrfTokenFor, DomainError, sessionIdOf } from '@registry/domain';
import { startPeopleContext, type PeopleContext } from '../support/people-context';

const PASSWORD = 'correct horse battery staple';
const ADMIN: Actor = { kind: 'admin' };

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('people: accounts, sign-in, sessions (use cases on the real database, no HTTP)', () => {
  let t: PeopleContext;
  let providerOrg: { id: string };
  let counter = 0;
  const use = <T>(type: new (...args: never[]) => T): T => t.app.get(type);
  const uniqueEmail = () => `person${++counter}.${Date.now()}@example.jp`;
  const source = () => `192.0.2.${++counter}`;

  async function createPerson(email = uniqueEmail(), roles: ('provider' | 'applicant' | 'admin')[] = ['provider']) {
    const person = await use(CreatePersonUseCase).execute({ organizationId: providerOrg.id, email, password: PASSWORD, roles, actor: ADMIN });
    return { ...person, email };
  }

  const signIn = (email: string, password = PASSWORD, from = source(), presentedSessionToken?: string) =>
    use(SignInUseCase).execute({ email, password, source: from, presentedSessionToken });

  beforeAll(async () => {
    t = await startPeopleContext();
    providerOrg = await use(CreateOrganizationUseCase).execute({ name: 'Provider KK', roles: ['provider', 'applicant'] });
  }, 60_000);
  afterAll(() => t?.close());

  describe('accounts', () => {
    it('stores an Argon2id hash (OWASP m=19456, t=2, p=1), never the password, and the email normalised', async () => {
      const person = await use(CreatePersonUseCase).execute({
        organizationId: providerOrg.id, email: '  Ann.Lee@Example.JP ', password: PASSWORD, roles: ['provider'], actor: ADMIN,
      });
      expect(person).toMatchObject({ email: 'ann.lee@example.jp', roles: ['provider'], organizationId: providerOrg.id, disabledAt: null });
      expect(person).not.toHaveProperty('passwordHash');
      const [row] = await t.sql<Record<string, unknown>>(`SELECT * FROM people WHERE id = ?`, [person.id]);
      expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
      expect(JSON.stringify(row)).not.toContain(PASSWORD);
      expect(JSON.stringify(row)).not.toContain(Buffer.from(PASSWORD).toString('base64'));
    });

    it('the schema itself refuses a row whose password column is not an Argon2id hash', async () => {
      await expect(
        t.sql(`INSERT INTO people (id, organization_id, email, password_hash, roles, created_at, password_changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)`, [
          'p-plain', providerOrg.id, 'plain@example.jp', PASSWORD, '[]', '2030-01-01T00:00:00.000Z', '2030-01-01T00:00:00.000Z',
        ]),
      ).rejects.toThrow(/CHECK|check constraint/i);
    });

    it('one email, whatever its case, is one account: refused by the use case and by the unique index', async () => {
      const { email } = await createPerson();
      const error = await refusal(use(CreatePersonUseCase).execute({ organizationId: providerOrg.id, email: email.toUpperCase(), password: PASSWORD, roles: [], actor: ADMIN }));
      expect(error.details.errors).toEqual([expect.objectContaining({ field: 'email', message: 'already belongs to a person' })]);
      const [row] = await t.sql<{ password_hash: string }>(`SELECT password_hash FROM people WHERE email = ?`, [email]);
      await expect(
        t.sql(`INSERT INTO people (id, organization_id, email, password_hash, roles, created_at, password_changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)`, [
          'p-upper', providerOrg.id, email.toUpperCase(), row.password_hash, '[]', '2030-01-01T00:00:00.000Z', '2030-01-01T00:00:00.000Z',
        ]),
      ).rejects.toThrow(/unique|UNIQUE/);
    });

    it('PEOPLE-ROLES-1: refuses roles the organisation lacks; PEOPLE-PW-1: a short password; only an administrator opens accounts', async () => {
      const roles = await refusal(use(CreatePersonUseCase).execute({ organizationId: providerOrg.id, email: uniqueEmail(), password: PASSWORD, roles: ['certifier'] as never, actor: ADMIN }));
      expect(roles.details.errors).toEqual([expect.objectContaining({ rule: 'PEOPLE-ROLES-1' })]);
      const short = await refusal(use(CreatePersonUseCase).execute({ organizationId: providerOrg.id, email: uniqueEmail(), password: 'short', roles: [], actor: ADMIN }));
      expect(short.details.errors).toEqual([expect.objectContaining({ rule: 'PEOPLE-PW-1' })]);
      const orgActor: Actor = { kind: 'organization', organizationId: providerOrg.id, roles: ['provider'], apiKeyId: 'k' };
      expect((await refusal(use(CreatePersonUseCase).execute({ organizationId: providerOrg.id, email: uniqueEmail(), password: PASSWORD, roles: [], actor: orgActor }))).code).toBe('FORBIDDEN');
    });

    it('journals person.created by whoever opened it, naming the person by id and not by email', async () => {
      const person = await createPerson();
      const entry = (await t.journal('person.created')).find((e) => JSON.parse(e.payload).personId === person.id);
      expect(entry).toMatchObject({ actor: 'admin' });
      expect(entry?.payload).not.toContain(person.email);
    });
  });

  describe('sign-in and sessions', () => {
    it('opens a session: the stored row is keyed by the SHA-256 of the token and holds neither the token nor the CSRF token', async () => {
      const person = await createPerson();
      const signedIn = await signIn(person.email.toUpperCase());
      expect(signedIn.sessionToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(signedIn.csrfToken).toBe(csrfTokenFor(signedIn.sessionToken));
      expect(signedIn.actor).toEqual({ kind: 'organization', organizationId: providerOrg.id, roles: ['provider'], personId: person.id });
      const rows = await t.sql<Record<string, unknown>>(`SELECT * FROM sessions WHERE person_id = ?`, [person.id]);
      expect(rows).toHaveLength(1);
      expect(rows[0].id).toBe(sessionIdOf(signedIn.sessionToken));
      const stored = JSON.stringify(rows[0]);
      for (const secret of [signedIn.sessionToken, signedIn.csrfToken, Buffer.from(signedIn.sessionToken, 'base64url').toString('hex')]) {
        expect(stored).not.toContain(secret);
      }
      // The stored id is not a token: presented as a cookie it resolves to nobody.
      expect(await use(ResolveSessionUseCase).execute({ sessionToken: String(rows[0].id) })).toBeNull();
      const resolved = await use(ResolveSessionUseCase).execute({ sessionToken: signedIn.sessionToken });
      expect(resolved).toMatchObject({ actor: signedIn.actor, person: { id: person.id, email: person.email }, csrfToken: signedIn.csrfToken });
    });

    it('journals the sign-in with the person as the actor', async () => {
      const person = await createPerson();
      await signIn(person.email);
      const entries = (await t.journal('person.signed_in')).filter((e) => JSON.parse(e.payload).personId === person.id);
      expect(entries).toEqual([expect.objectContaining({ actor: `org:${providerOrg.id}/person:${person.id}` })]);
    });

    it('session fixation: the token after sign-in is new, whatever session token the caller presented, and the presented one is ended', async () => {
      const person = await createPerson();
      const earlier = await signIn(person.email);
      const planted = 'A'.repeat(43);
      const again = await signIn(person.email, PASSWORD, source(), earlier.sessionToken);
      const withPlanted = await signIn(person.email, PASSWORD, source(), planted);
      expect(new Set([earlier.sessionToken, again.sessionToken, withPlanted.sessionToken, planted]).size).toBe(4);
      expect(await use(ResolveSessionUseCase).execute({ sessionToken: earlier.sessionToken })).toBeNull();
      expect(await use(ResolveSessionUseCase).execute({ sessionToken: planted })).toBeNull();
      expect(await t.sql(`SELECT id FROM sessions WHERE id = ?`, [sessionIdOf(planted)])).toEqual([]);
      expect(await use(ResolveSessionUseCase).execute({ sessionToken: again.sessionToken })).not.toBeNull();
    });

    it('answers an unknown email, a wrong password and a disabled account alike, having verified a hash each time', async () => {
      const person = await createPerson();
      const disabled = await createPerson();
      await t.sql(`UPDATE people SET disabled_at = ? WHERE id = ?`, [new Date().toISOString(), disabled.id]);
      const verify = jest.spyOn(t.app.get(PasswordHasher), 'verify');
      const answers = await Promise.all([
        refusal(signIn(uniqueEmail())),
        refusal(signIn(person.email, `${PASSWORD}!`)),
        refusal(signIn(disabled.email)),
        refusal(signIn('not an email')),
      ]);
      expect(answers.map((e) => [e.code, e.message])).toEqual(Array(4).fill(['UNAUTHENTICATED', SIGN_IN_REFUSED]));
      // One Argon2id verification each, so an unknown email costs what a known one does.
      expect(verify).toHaveBeenCalledTimes(4);
      verify.mockRestore();
    });

    it('PEOPLE-LOCK-1: five failures lock the account for 15 minutes, even for the right password, from any source', async () => {
      const person = await createPerson();
      for (let i = 0; i < 5; i++) await refusal(signIn(person.email, `wrong password ${i}`));
      const [row] = await t.sql<{ locked_until: string | null }>(`SELECT locked_until FROM people WHERE id = ?`, [person.id]);
      const lockMs = Date.parse(String(row.locked_until)) - Date.now();
      expect(lockMs).toBeGreaterThan(14 * 60_000);
      expect(lockMs).toBeLessThanOrEqual(15 * 60_000);
      const locked = await refusal(signIn(person.email));
      expect([locked.code, locked.message]).toEqual(['UNAUTHENTICATED', SIGN_IN_REFUSED]);
      // The lock over (moved into the past here), the right password opens and the counter starts again.
      await t.sql(`UPDATE people SET locked_until = ? WHERE id = ?`, [new Date(Date.now() - 1000).toISOString(), person.id]);
      await expect(signIn(person.email)).resolves.toMatchObject({ personId: person.id });
      const [after] = await t.sql<{ failed_sign_ins: number | string }>(`SELECT failed_sign_ins FROM people WHERE id = ?`, [person.id]);
      expect(Number(after.failed_sign_ins)).toBe(0);
    });

    it('PEOPLE-LOCK-1: five failures at once all count (no lost update between concurrent transactions)', async () => {
      const person = await createPerson();
      // The five password checks end together, so the five failures are recorded at the same moment.
      const released: (() => void)[] = [];
      const verify = jest.spyOn(t.app.get(PasswordHasher), 'verify').mockImplementation(
        () => new Promise((resolve) => (released.push(() => resolve(false)) === 5 ? released.forEach((release) => release()) : undefined)),
      );
      await Promise.all(Array.from({ length: 5 }, (_, i) => refusal(signIn(person.email, `wrong password ${i}`))));
      verify.mockRestore();
      const [row] = await t.sql<{ locked_until: string | null }>(`SELECT locked_until FROM people WHERE id = ?`, [person.id]);
      expect(row.locked_until).not.toBeNull();
    });

    it('four failures then a success do not lock, and the success clears the count', async () => {
      const person = await createPerson();
      for (let i = 0; i < 4; i++) await refusal(signIn(person.email, `wrong password ${i}`));
      await signIn(person.email);
      for (let i = 0; i < 4; i++) await refusal(signIn(person.email, `wrong password ${i}`));
      await expect(signIn(person.email)).resolves.toMatchObject({ personId: person.id });
    });

    it('PEOPLE-LOCK-2: twenty failures from one source pause it (RATE_LIMITED with a retry delay), other sources go on', async () => {
      const person = await createPerson();
      const attacker = source();
      for (let i = 0; i < 20; i++) await refusal(signIn(uniqueEmail(), PASSWORD, attacker));
      const paused = await refusal(signIn(person.email, PASSWORD, attacker));
      expect(paused.code).toBe('RATE_LIMITED');
      expect(paused.details.retryAfterSeconds).toBeGreaterThan(14 * 60);
      await expect(signIn(person.email, PASSWORD, source())).resolves.toMatchObject({ personId: person.id });
      const [throttle] = await t.sql<Record<string, unknown>>(`SELECT * FROM sign_in_throttles WHERE locked_until IS NOT NULL`);
      expect(String(throttle.source_key)).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(throttle)).not.toContain(attacker);
    }, 30_000);

    it('PEOPLE-SESSION-1: refuses a session idle for 30 minutes, one past its absolute end, a revoked one, and a disabled person', async () => {
      const resolve = (token: string) => use(ResolveSessionUseCase).execute({ sessionToken: token });
      const person = await createPerson();
      const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
      const [idle, expired, revoked, fresh] = [await signIn(person.email), await signIn(person.email), await signIn(person.email), await signIn(person.email)];
      await t.sql(`UPDATE sessions SET last_seen_at = ? WHERE id = ?`, [ago(31), sessionIdOf(idle.sessionToken)]);
      await t.sql(`UPDATE sessions SET expires_at = ? WHERE id = ?`, [ago(0.1), sessionIdOf(expired.sessionToken)]);
      await t.sql(`UPDATE sessions SET revoked_at = ? WHERE id = ?`, [ago(0.1), sessionIdOf(revoked.sessionToken)]);
      expect(await Promise.all([idle, expired, revoked].map((s) => resolve(s.sessionToken)))).toEqual([null, null, null]);
      expect(await resolve(fresh.sessionToken)).not.toBeNull();
      await t.sql(`UPDATE people SET disabled_at = ? WHERE id = ?`, [ago(0), person.id]);
      expect(await resolve(fresh.sessionToken)).toBeNull();
    });

    it('touches last_seen at most once a minute, which keeps a session in use alive', async () => {
      const person = await createPerson();
      const { sessionToken } = await signIn(person.email);
      const id = sessionIdOf(sessionToken);
      const lastSeen = async () => (await t.sql<{ last_seen_at: string }>(`SELECT last_seen_at FROM sessions WHERE id = ?`, [id]))[0].last_seen_at;
      const before = await lastSeen();
      await use(ResolveSessionUseCase).execute({ sessionToken });
      expect(await lastSeen()).toBe(before);
      const twentyFiveMinutesAgo = new Date(Date.now() - 25 * 60_000).toISOString();
      await t.sql(`UPDATE sessions SET last_seen_at = ? WHERE id = ?`, [twentyFiveMinutesAgo, id]);
      const resolved = await use(ResolveSessionUseCase).execute({ sessionToken });
      expect(Date.parse(await lastSeen())).toBeGreaterThan(Date.now() - 5_000);
      expect(Date.parse(String(resolved?.endsAt))).toBeGreaterThan(Date.now() + 29 * 60_000);
    });

    it('sign-out ends the session, journaled by the person; signing out again changes nothing', async () => {
      const person = await createPerson();
      const { sessionToken } = await signIn(person.email);
      expect(await use(SignOutUseCase).execute({ sessionToken })).toEqual({ signedOut: true });
      expect(await use(ResolveSessionUseCase).execute({ sessionToken })).toBeNull();
      expect(await use(SignOutUseCase).execute({ sessionToken })).toEqual({ signedOut: false });
      const entries = (await t.journal('person.signed_out')).filter((e) => JSON.parse(e.payload).personId === person.id);
      expect(entries).toEqual([expect.objectContaining({ actor: `org:${providerOrg.id}/person:${person.id}` })]);
    });
  });

  describe('password reset and administrators', () => {
    it('a reset revokes every session of the person, lifts a lockout, and only the new password opens', async () => {
      const person = await createPerson();
      const sessions = [await signIn(person.email), await signIn(person.email)];
      for (let i = 0; i < 5; i++) await refusal(signIn(person.email, `wrong password ${i}`));
      const newPassword = 'a whole new sentence';
      expect(await use(ResetPasswordUseCase).execute({ email: person.email, newPassword })).toEqual({ personId: person.id, organizationId: providerOrg.id, sessionsRevoked: 2 });
      for (const s of sessions) expect(await use(ResolveSessionUseCase).execute({ sessionToken: s.sessionToken })).toBeNull();
      expect((await refusal(signIn(person.email))).code).toBe('UNAUTHENTICATED');
      await expect(signIn(person.email, newPassword)).resolves.toMatchObject({ personId: person.id });
      const entries = (await t.journal('person.password_reset')).filter((e) => JSON.parse(e.payload).personId === person.id);
      expect(entries).toEqual([expect.objectContaining({ actor: 'operator:cli' })]);
    });

    it('an administrator resets by person id (the web page), with the same revocation; unknown ids are NOT_FOUND, others FORBIDDEN', async () => {
      const person = await createPerson();
      const session = await signIn(person.email);
      const newPassword = generatePassword();
      expect(newPassword).toMatch(/^[A-Za-z0-9_-]{20}$/);
      const actor: Actor = { kind: 'admin', personId: 'admin-person', organizationId: providerOrg.id };
      expect(await use(ResetPasswordUseCase).execute({ personId: person.id, newPassword, actor })).toEqual({ personId: person.id, organizationId: providerOrg.id, sessionsRevoked: 1 });
      expect(await use(ResolveSessionUseCase).execute({ sessionToken: session.sessionToken })).toBeNull();
      await expect(signIn(person.email, newPassword)).resolves.toMatchObject({ personId: person.id });
      const entries = (await t.journal('person.password_reset')).filter((e) => JSON.parse(e.payload).personId === person.id);
      expect(entries).toEqual([expect.objectContaining({ actor: `admin/person:admin-person` })]);
      expect((await refusal(use(ResetPasswordUseCase).execute({ personId: '00000000-0000-4000-8000-000000000000', newPassword, actor }))).code).toBe('NOT_FOUND');
      const provider: Actor = { kind: 'organization', organizationId: providerOrg.id, roles: ['provider'], personId: 'someone' };
      expect((await refusal(use(ResetPasswordUseCase).execute({ personId: person.id, newPassword, actor: provider }))).code).toBe('FORBIDDEN');
    });

    it("lists an organisation's people for an administrator, oldest first, never a hash", async () => {
      const org = await use(CreateOrganizationUseCase).execute({ name: 'People list KK', roles: ['auditor', 'provider'] });
      const emails = [uniqueEmail(), uniqueEmail()];
      for (const [i, email] of emails.entries()) {
        await use(CreatePersonUseCase).execute({ organizationId: org.id, email, password: PASSWORD, roles: i === 0 ? ['auditor'] : ['provider', 'auditor'], actor: ADMIN });
      }
      const { items } = await use(ListPeopleQuery).execute({ organizationId: org.id, actor: ADMIN });
      expect(items.map((p) => [p.email, p.roles, p.organizationId])).toEqual([
        [emails[0], ['auditor'], org.id],
        [emails[1], ['auditor', 'provider'], org.id],
      ]);
      for (const item of items) expect(Object.keys(item).sort()).toEqual(['createdAt', 'disabledAt', 'email', 'id', 'organizationId', 'roles']);
      expect((await use(ListPeopleQuery).execute({ organizationId: providerOrg.id, actor: ADMIN })).items.every((p) => p.organizationId === providerOrg.id)).toBe(true);
      expect((await refusal(use(ListPeopleQuery).execute({ organizationId: '00000000-0000-4000-8000-000000000000', actor: ADMIN }))).code).toBe('NOT_FOUND');
      const provider: Actor = { kind: 'organization', organizationId: org.id, roles: ['provider'], personId: 'someone' };
      expect((await refusal(use(ListPeopleQuery).execute({ organizationId: org.id, actor: provider }))).code).toBe('FORBIDDEN');
    });

    it('a session opened before a password change is refused even if it escaped revocation', async () => {
      const person = await createPerson();
      const { sessionToken } = await signIn(person.email);
      await t.sql(`UPDATE people SET password_changed_at = ? WHERE id = ?`, [new Date(Date.now() + 1000).toISOString(), person.id]);
      expect(await use(ResolveSessionUseCase).execute({ sessionToken })).toBeNull();
    });

    it('creates the first administrator once (a second needs force, in the same organisation) who acts as admin, named in the journal', async () => {
      const first = await use(CreateAdministratorUseCase).execute({ email: 'root@registry.example.jp', password: PASSWORD });
      expect(first.roles).toEqual(['admin']);
      const refused = await refusal(use(CreateAdministratorUseCase).execute({ email: 'second@registry.example.jp', password: PASSWORD }));
      expect(refused.code).toBe('INVALID_STATE');
      const second = await use(CreateAdministratorUseCase).execute({ email: 'second@registry.example.jp', password: PASSWORD, force: true });
      expect(second.organizationId).toBe(first.organizationId);
      const signedIn = await signIn('root@registry.example.jp');
      expect(signedIn.actor).toEqual({ kind: 'admin', personId: first.id, organizationId: first.organizationId });
      // The administrator acting: the journal names the person, not only "admin".
      const person = await use(CreatePersonUseCase).execute({ organizationId: providerOrg.id, email: uniqueEmail(), password: PASSWORD, roles: ['applicant'], actor: signedIn.actor });
      const entry = (await t.journal('person.created')).find((e) => JSON.parse(e.payload).personId === person.id);
      expect(entry?.actor).toBe(`admin/person:${first.id}`);
    });

    it('the journal and its Merkle log still verify with the people entries in them', async () => {
      expect((await t.journal('person')).length).toBeGreaterThan(10);
      await expect(t.app.get(JournalQueries).verify()).resolves.toMatchObject({ ok: true });
    });
  });
});
