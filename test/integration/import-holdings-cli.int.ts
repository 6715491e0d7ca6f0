import { execFile, spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import iconv from 'iconv-lite';
import { holdingsDigest, importRowsDone } from '../support/ledger-digest';
import { HOLDINGS_EXPORT_CASES, registryExportsDir } from '../support/registry-exports-dir';
import { assertBuilt, BUILT } from '../support/processes';
import { createTestDatabase, type TestDatabase } from '../support/test-engine';

const run = promisify(execFile);
const EXPORTS_DIR = registryExportsDir();

/**
 * The kill -9 test's statement. Issue 14 asks for 1,000,000 rows; on the shared 2-core CI machine that
 * import alone takes over two minutes, so CI uses 200,000 on SQLite (IMPORT_KILL_ROWS=1000000 for the
 * full size) and 20,000 on PostgreSQL, where the point is correctness, not speed. At the full size on
 * both engines (IMPORT_KILL_ROWS_PG=1000000 too) it took 46 s on SQLite and 515 s on PostgreSQL
 * (2026-12-01, docs/benchmarks.md).
 */
const KILL_ROWS = { sqlite: Number(process.env.IMPORT_KILL_ROWS ?? 200_000), postgres: Number(process.env.IMPORT_KILL_ROWS_PG ?? 20_000) };

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(args: string[], env: Record<string, string>): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BUILT.cli, ...args], { env: { PATH: process.env.PATH ?? '', ...env }, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const summaryOf = (result: CliResult) => JSON.parse(result.stdout.trim().split('\n').pop()!);

async function writeStatement(file: string, rows: number): Promise<void> {
  const out = createWriteStream(file);
  out.write('serial,scheme,registry,reference\n');
  let chunk = '';
  for (let i = 0; i < rows; i++) {
    const project = (i % 100) + 1;
    const start = Math.floor(i / 100) * 10 + 1;
    chunk += `JCL-ERL-KILL${project}-${start}-${start + 9},,J-Credit registry,statement ${1 + Math.floor(i / 50_000)}\n`;
    if (chunk.length > 1 << 16) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'close');
}

describe.each(['sqlite', 'postgres'] as const)('npm run cli -- import holdings (%s)', (engine) => {
  const dir = mkdtempSync(join(tmpdir(), 'import-cli-'));
  const databases: TestDatabase[] = [];
  const database = async () => {
    const created = await createTestDatabase(engine);
    databases.push(created);
    const env = { ...created.env, CERTIFICATE_KEYS_DIR: join(dir, `keys-${databases.length}`) };
    const migrated = await cli(['db', 'migrate'], env);
    if (migrated.code !== 0) throw new Error(migrated.stderr);
    const org = await cli(['orgs', 'create', '--name', 'Provider KK', '--roles', 'provider'], env);
    return { env, orgId: JSON.parse(org.stdout).id as string };
  };

  beforeAll(() => assertBuilt());
  afterAll(async () => {
    for (const d of databases) await d.drop();
  });

  it('imports a statement, writes every refused row to --report, skips it all the second time, and --dry-run registers nothing', async () => {
    const { env, orgId } = await database();
    const file = join(dir, `small-${engine}.csv`);
    const report = join(dir, `report-${engine}.csv`);
    const lines = ['serial,scheme,registry,reference', 'JCL-ERL-CLI1-1-100,,J-Credit registry,statement 1', 'JCL-ERL-CLI1-101-200,JCREDIT,J-Credit registry,statement 1', '=1+2,,J-Credit registry,statement 1', 'JCL-ERL-CLI1-201-300,,J-Credit registry,'];
    writeFileSync(file, lines.join('\n'));

    const dry = await cli(['import', 'holdings', file, '--org', orgId, '--dry-run'], env);
    expect(dry.code).toBe(0);
    expect(summaryOf(dry)).toMatchObject({ status: 'done', dryRun: true, total: 4, accepted: 2, refused: 2 });
    expect(await holdingsDigest(env, orgId)).toMatchObject({ blocks: 0 });

    const first = await cli(['import', 'holdings', file, '--org', orgId, '--report', report], env);
    expect(first.code).toBe(0);
    expect(summaryOf(first)).toMatchObject({ status: 'done', format: 'registry', total: 4, accepted: 2, skipped: 0, refused: 2 });
    expect(first.stderr).toMatch(/done: 4 rows, 2 accepted, 0 skipped, 2 refused/);
    const written = readFileSync(report, 'utf8');
    expect(written.startsWith('\ufeffrow,serial,code,message\n')).toBe(true);
    expect(written).toContain("3,'=1+2,INVALID_SERIAL,");
    expect(written).toMatch(/4,JCL-ERL-CLI1-201-300,EVIDENCE_REQUIRED,reference: /);
    const held = await holdingsDigest(env, orgId);
    expect(held.blocks).toBe(2);

    const second = await cli(['import', 'holdings', file, '--org', orgId], env);
    expect(summaryOf(second)).toMatchObject({ status: 'done', accepted: 0, skipped: 2, refused: 2 });
    expect(await holdingsDigest(env, orgId)).toEqual(held);
    const verify = await cli(['ledger', 'verify'], env);
    expect(JSON.parse(verify.stdout)).toMatchObject({ ok: true });
  }, 120_000);

  it('a file the CLI cannot read as a statement exits 3 with the reason', async () => {
    const { env, orgId } = await database();
    const file = join(dir, `bad-${engine}.csv`);
    writeFileSync(file, 'a,b\n1,2\n');
    const result = await cli(['import', 'holdings', file, '--org', orgId], env);
    expect(result.code).toBe(3);
    expect(summaryOf(result)).toMatchObject({ status: 'failed', error: expect.stringMatching(/header: no known statement format/) });
  }, 60_000);

  it('a Shift_JIS statement (Excel in Japanese) imports to the same ledger as its UTF-8 twin, detected or named with --charset', async () => {
    const text = 'serial,scheme,registry,reference\nJCL-ERL-SJIS1-1-10,,Ｊ－クレジット登録簿,無効化通知書 第7号 ㈱サンプル\nJCL-ERL-SJIS1-11-20,,Ｊ－クレジット登録簿,保有明細 ①\n';
    const utf8File = join(dir, `utf8-${engine}.csv`);
    const sjisFile = join(dir, `sjis-${engine}.csv`);
    writeFileSync(utf8File, text);
    writeFileSync(sjisFile, iconv.encode(text, 'shift_jis'));
    const imported = async (file: string, extra: string[]) => {
      const { env, orgId } = await database();
      const result = await cli(['import', 'holdings', file, '--org', orgId, ...extra], env);
      expect(summaryOf(result)).toMatchObject({ status: 'done', accepted: 2, refused: 0 });
      return holdingsDigest(env, orgId);
    };
    const twin = await imported(utf8File, []);
    expect(await imported(sjisFile, [])).toEqual(twin);
    expect(await imported(sjisFile, ['--charset', 'shift_jis'])).toEqual(twin);
    const { env, orgId } = await database();
    expect(await cli(['import', 'holdings', sjisFile, '--org', orgId, '--charset', 'klingon'], env)).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('charset klingon is not known'),
    });
  }, 60_000);

  it('says in one line what is wrong on the command line, before any import starts (exit code 1)', async () => {
    const { env, orgId } = await database();
    const statement = join(dir, `one-row-${engine}.csv`);
    writeFileSync(statement, 'serial,scheme,registry,reference\nJCL-ERL-ARGS1-1-10,,J-Credit registry,statement 1\n');
    const missing = join(dir, 'no-such-statement.csv');
    expect(await cli(['import', 'holdings', missing, '--org', orgId], env)).toMatchObject({ code: 1, stderr: `statement ${missing}: no such file or directory\n` });
    const report = join(dir, 'no-such-folder', 'refused.csv');
    expect(await cli(['import', 'holdings', statement, '--org', orgId, '--report', report], env)).toMatchObject({ code: 1, stderr: `--report ${report}: no such file or directory\n` });
    expect(await cli(['import', 'holdings', statement], env)).toMatchObject({ code: 1, stderr: '--org <id> is required: the provider organisation that holds the blocks\n' });
    // None of them registered the row: the same statement now imports it.
    const imported = await cli(['import', 'holdings', statement, '--org', orgId], env);
    expect(imported.code).toBe(0);
    expect(summaryOf(imported)).toMatchObject({ status: 'done', accepted: 1, skipped: 0 });
  }, 60_000);

  (EXPORTS_DIR ? it : it.skip)('imports every real export with serials as the API does: issued blocks held, retired and cancelled rows reported; the same file twice changes nothing', async () => {
    const { env, orgId } = await database();
    for (const { file, format, total, accepted } of HOLDINGS_EXPORT_CASES) {
      const report = join(dir, `export-report-${engine}.csv`);
      const first = await cli(['import', 'holdings', join(EXPORTS_DIR!, file), '--org', orgId, '--report', report], env);
      expect({ file, code: first.code, summary: summaryOf(first) }).toMatchObject({ file, code: 0, summary: { status: 'done', format, total, accepted, skipped: 0, refused: total - accepted } });
      const reported = readFileSync(report, 'utf8').trim().split('\n').slice(1);
      expect(reported).toHaveLength(total - accepted);
      for (const line of reported) expect(line).toMatch(/^\d+,.*,NOT_A_HOLDING,/);
      const again = await cli(['import', 'holdings', join(EXPORTS_DIR!, file), '--org', orgId], env);
      expect({ file, summary: summaryOf(again) }).toMatchObject({ file, summary: { status: 'done', format, total, accepted: 0, skipped: accepted, refused: total - accepted } });
    }
    expect((await holdingsDigest(env, orgId)).blocks).toBe(HOLDINGS_EXPORT_CASES.reduce((sum, c) => sum + c.accepted, 0));
    expect(JSON.parse((await cli(['ledger', 'verify'], env)).stdout)).toMatchObject({ ok: true });
  }, 180_000);

  it(`kill -9 midway through ${KILL_ROWS[engine].toLocaleString('en')} rows, run again: the same ledger as one uninterrupted import, and the journal verifies`, async () => {
    const rows = KILL_ROWS[engine];
    const file = join(dir, `big-${engine}.csv`);
    await writeStatement(file, rows);

    const whole = await database();
    const uninterrupted = await cli(['import', 'holdings', file, '--org', whole.orgId], whole.env);
    expect(summaryOf(uninterrupted)).toMatchObject({ status: 'done', total: rows, accepted: rows });
    const expected = await holdingsDigest(whole.env, whole.orgId);
    expect(expected.blocks).toBe(rows);

    const killed = await database();
    const child = spawn(process.execPath, [BUILT.cli, 'import', 'holdings', file, '--org', killed.orgId], {
      env: { PATH: process.env.PATH ?? '', ...killed.env },
      stdio: 'ignore',
    });
    const exited = once(child, 'exit');
    let done = 0;
    const deadline = Date.now() + 300_000;
    while ((done = await importRowsDone(killed.env)) < rows / 3 && child.exitCode === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    child.kill('SIGKILL');
    await exited;
    expect(done).toBeGreaterThan(0);
    expect(done).toBeLessThan(rows);
    const partial = await holdingsDigest(killed.env, killed.orgId);
    // Whole batches only: what was committed is exactly the rows the import counted as done.
    expect(partial.blocks).toBe(await importRowsDone(killed.env));

    const again = await cli(['import', 'holdings', file, '--org', killed.orgId], killed.env);
    expect(summaryOf(again)).toMatchObject({ status: 'done', total: rows, accepted: rows - partial.blocks, skipped: partial.blocks, refused: 0 });
    expect(await holdingsDigest(killed.env, killed.orgId)).toEqual(expected);
    const verify = await cli(['ledger', 'verify'], killed.env);
    expect(JSON.parse(verify.stdout)).toMatchObject({ ok: true });
  }, 900_000);
});
