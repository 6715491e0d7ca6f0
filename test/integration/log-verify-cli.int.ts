import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { binaryBody } from '../support/binary-body';
import { assertBuilt, BUILT } from '../support/processes';
import { createOrganizationWithKey, eventually, startTestApp, type TestApp } from '../support/test-app';

const run = promisify(execFile);

async function cli(args: string[]): Promise<{ code: number; result: Record<string, unknown> }> {
  try {
    const { stdout } = await run(process.execPath, [BUILT.cli, 'log', 'verify', ...args], { env: { PATH: process.env.PATH ?? '' } });
    return { code: 0, result: JSON.parse(stdout) };
  } catch (error) {
    const e = error as { code: number; stdout: string };
    return { code: e.code, result: JSON.parse(e.stdout) };
  }
}

/** `npm run cli -- log verify`: proofs and checkpoints saved from the API, checked with no registry at hand (--keys). */
describe('npm run cli -- log verify (offline)', () => {
  let t: TestApp;
  const dir = mkdtempSync(join(tmpdir(), 'log-verify-'));
  const file = (name: string, content: string | object) => {
    const path = join(dir, name);
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
    return path;
  };

  beforeAll(async () => {
    assertBuilt();
    t = await startTestApp();
  });
  afterAll(() => t.close());

  async function retire(provider: { auth: { Authorization: string } }, n: number) {
    return (await t.http.post('/v1/retirements').set(provider.auth).send({ serials: [`JCL-ERL-CLI-${n * 10 + 1}-${n * 10 + 5}`], beneficiary: 'b', purpose: 'p', evidence: { registry: 'r', reference: 'x' } }).expect(201)).body;
  }

  async function checkpointOfAtLeast(size: number): Promise<string> {
    return eventually(async () => {
      const note = (await t.http.get('/v1/log/checkpoint').expect(200)).text;
      return Number(note.split('\n')[1]) >= size ? note : undefined;
    }, 5000);
  }

  it('accepts an inclusion proof with its entry and a consistency proof; refuses a changed entry, a wrong key and a rewritten past', async () => {
    const provider = await createOrganizationWithKey(t, ['provider']);
    const auditor = await createOrganizationWithKey(t, ['auditor']);
    const first = await retire(provider, 1);
    const oldSize = (await t.http.get('/v1/ledger/head').set(auditor.auth).expect(200)).body.sequence;
    const oldNote = await checkpointOfAtLeast(oldSize);
    for (let i = 2; i < 6; i++) await retire(provider, i);
    const newSize = (await t.http.get('/v1/ledger/head').set(auditor.auth).expect(200)).body.sequence;
    const newNote = await checkpointOfAtLeast(newSize);
    const size = Number(newNote.split('\n')[1]);

    const keys = file('keys.json', (await t.http.get('/v1/certificate-keys').expect(200)).body);
    const proof = (await t.http.get(`/v1/log/proof/inclusion?certificate=${first.certificateNumber}&treeSize=${size}`).expect(200)).body;
    const entry = (await t.http.get(`/v1/log/entries/${proof.index}`).expect(200)).body;
    const inclusion = ['inclusion', '--checkpoint', file('new.txt', newNote), '--proof', file('proof.json', proof), '--keys', keys];

    expect(await cli([...inclusion, '--entry', file('entry.json', entry)])).toEqual({ code: 0, result: { valid: true, origin: expect.any(String), size } });
    const changed = { ...entry, entry: { ...entry.entry, payload: entry.entry.payload.replace('"beneficiary":"b"', '"beneficiary":"c"') } };
    expect((await cli([...inclusion, '--entry', file('changed.json', changed)])).code).toBe(3);
    const vkey = (await t.http.get('/v1/log/keys').expect(200)).text.trim();
    expect((await cli(['inclusion', '--checkpoint', file('new.txt', newNote), '--proof', file('proof.json', proof), '--vkey', vkey])).code).toBe(0);
    // Another log's key (its key hash commits to its name): unreadable as a key for this note's signer, 2.
    expect((await cli(['inclusion', '--checkpoint', file('new.txt', newNote), '--proof', file('proof.json', proof), '--vkey', vkey.replace(/^[^+]+/, 'another/log')])).code).toBe(2);

    const oldTreeSize = Number(oldNote.split('\n')[1]);
    const consistency = (await t.http.get(`/v1/log/proof/consistency?from=${oldTreeSize}&to=${size}`).expect(200)).body;
    const args = ['--proof', file('consistency.json', consistency), '--keys', keys];
    expect(await cli(['consistency', '--old', file('old.txt', oldNote), '--new', file('new.txt', newNote), ...args])).toMatchObject({ code: 0, result: { valid: true, size } });
    expect((await cli(['consistency', '--old', file('new.txt', newNote), '--new', file('old.txt', oldNote), ...args])).code).toBe(3);
  }, 60_000);

  it('log tiles writes the checkpoint and the tiles a plain file server can serve, byte for byte what the API serves', async () => {
    const out = join(dir, 'static');
    const database = t.config.database;
    const env = {
      PATH: process.env.PATH ?? '',
      CERTIFICATE_KEYS_DIR: t.config.certificateKeysDir,
      LOG_ORIGIN: t.config.logOrigin,
      ...(database.engine === 'postgres' ? { DATABASE_URL: database.url } : { SQLITE_PATH: database.sqlitePath }),
    };
    const note = (await t.http.get('/v1/log/checkpoint').expect(200)).text;
    const { stdout } = await run(process.execPath, [BUILT.cli, 'log', 'tiles', '--out', out], { env });
    const size = Number(note.split('\n')[1]);
    expect(JSON.parse(stdout)).toEqual({ size, tiles: 1 });
    expect(readFileSync(join(out, 'checkpoint'), 'utf8')).toBe(note);
    const tile = readFileSync(join(out, `tile/0/000.p/${size}`));
    expect(tile).toHaveLength(32 * size);
    const served = await t.http.get(`/v1/log/tile/0/000.p/${size}`).buffer(true).parse(binaryBody).expect(200);
    expect(tile.equals(served.body as Buffer)).toBe(true);
  }, 60_000);
});
