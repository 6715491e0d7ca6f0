import { CreateOrganizationUseCase, CreatePersonUseCase, ResolveSessionUseCase, SignInUseCase } from '@registry/ledger';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUILT } from '../support/processes';
import { startPeopleContext, type PeopleContext } from '../support/people-context';
import { createTestDatabase, type TestDatabase } from '../support/test-engine';

const ADMIN_PASSWORD = 'the first administrator passphrase';

describe('npm run cli -- people (passwords from stdin, never argv)', () => {
  let database: TestDatabase;
  let t: PeopleContext;
  let env: Record<string, string>;

  /** Runs the built CLI with `stdin` piped in (not a terminal, so no prompt). */
  function cli(args: string[], stdin = ''): Promise<{ code: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [BUILT.cli, 'people', ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
      child.stdin.end(stdin);
    });
  }

  beforeAll(async () => {
    if (!existsSync(BUILT.cli)) throw new Error(`run \`npm run build\` first; missing ${BUILT.cli}`);
    database = await createTestDatabase();
    env = { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', CERTIFICATE_KEYS_DIR: join(mkdtempSync(join(tmpdir(), 'people-cli-')), 'keys'), ...database.env };
    t = await startPeopleContext({ database });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await database?.drop();
  });

  it('create-admin: the first administrator, password from stdin; printed without any secret; then refused unless --force', async () => {
    const created = await cli(['create-admin', '--email', 'Root@Registry.example.jp'], `${ADMIN_PASSWORD}\n`);
    expect(created).toMatchObject({ code: 0, stderr: '' });
    const admin = JSON.parse(created.stdout);
    expect(admin).toMatchObject({ email: 'root@registry.example.jp', roles: ['admin'], disabledAt: null });
    expect(created.stdout).not.toContain(ADMIN_PASSWORD);
    expect(created.stdout).not.toContain('argon2');
    const signedIn = await t.app.get(SignInUseCase).execute({ email: 'root@registry.example.jp', password: ADMIN_PASSWORD, source: 'test' });
    expect(signedIn.actor).toEqual({ kind: 'admin', personId: admin.id, organizationId: admin.organizationId });
    const [org] = await t.sql<{ name: string; roles: string }>(`SELECT name, roles FROM organizations WHERE id = ?`, [admin.organizationId]);
    expect(org).toEqual({ name: 'Registry operator', roles: '[]' });

    const again = await cli(['create-admin', '--email', 'second@registry.example.jp'], `${ADMIN_PASSWORD}\n`);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^INVALID_STATE: an administrator exists already; pass --force/);
    const forced = await cli(['create-admin', '--email', 'second@registry.example.jp', '--force'], `${ADMIN_PASSWORD}\n`);
    expect(forced.code).toBe(0);
    expect(JSON.parse(forced.stdout)).toMatchObject({ roles: ['admin'], organizationId: admin.organizationId });
    const journal = await t.journal('person.created');
    expect(journal.map((e) => e.actor)).toEqual(['operator:cli', 'operator:cli']);
  }, 60_000);

  it('takes no password from the arguments, refuses an empty stdin and a weak password without echoing it', async () => {
    const argv = await cli(['create-admin', '--email', 'argv@registry.example.jp', '--password', ADMIN_PASSWORD]);
    expect(argv.code).toBe(1);
    expect(argv.stderr).toMatch(/unknown option '--password'/);
    const empty = await cli(['reset-password', '--email', 'root@registry.example.jp'], '');
    expect(empty).toMatchObject({ code: 1, stdout: '' });
    expect(empty.stderr).toMatch(/no password on stdin/);
    const weak = await cli(['reset-password', '--email', 'root@registry.example.jp'], 'tooshort\n');
    expect(weak.code).toBe(1);
    expect(weak.stderr).toMatch(/VALIDATION_FAILED: password must be at least 12 characters \(PEOPLE-PW-1\)/);
    expect(weak.stderr).not.toContain('tooshort');
  }, 60_000);

  it('reset-password: a new password from stdin, every session of the person revoked, their lockout lifted', async () => {
    const org = await t.app.get(CreateOrganizationUseCase).execute({ name: 'Provider KK', roles: ['provider'] });
    await t.app.get(CreatePersonUseCase).execute({ organizationId: org.id, email: 'staff@provider.example.jp', password: 'old password of staff', roles: ['provider'] });
    const signIn = (password: string) => t.app.get(SignInUseCase).execute({ email: 'staff@provider.example.jp', password, source: `test-${Math.random()}` });
    const sessions = [await signIn('old password of staff'), await signIn('old password of staff')];
    for (let i = 0; i < 5; i++) await expect(signIn(`wrong ${i}`)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });

    const reset = await cli(['reset-password', '--email', 'STAFF@provider.example.jp'], 'new password of staff\r\nignored second line\n');
    expect(reset).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(reset.stdout)).toMatchObject({ sessionsRevoked: 2 });
    for (const s of sessions) expect(await t.app.get(ResolveSessionUseCase).execute({ sessionToken: s.sessionToken })).toBeNull();
    await expect(signIn('old password of staff')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(signIn('new password of staff')).resolves.toMatchObject({ actor: { organizationId: org.id, roles: ['provider'] } });
    expect((await t.journal('person.password_reset')).map((e) => e.actor)).toEqual(['operator:cli']);

    const unknown = await cli(['reset-password', '--email', 'nobody@provider.example.jp'], 'whatever long password\n');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^NOT_FOUND: no person has the email nobody@provider.example.jp/);
  }, 60_000);
});
