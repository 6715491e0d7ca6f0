import { createPublicKey } from 'node:crypto';
import { binaryBody } from '../support/binary-body';
import { referenceLeafHash, referenceRoot, referenceVerifyConsistency, referenceVerifyInclusion } from '../support/rfc9162-reference';
import { createOrganizationWithKey, eventually, startTestApp, type TestApp } from '../support/test-app';

const b64 = (text: string) => Buffer.from(text, 'base64');
const EVIDENCE = { registry: 'J-Credit registry', reference: 'MK-LOG' };

/** The checkpoint's three lines, read by hand (C2SP tlog-checkpoint), and its signature lines. */
function readCheckpoint(note: string) {
  const [body, signatures] = note.split('\n\n');
  const [origin, size, root] = body.split('\n');
  return { origin, size: Number(size), root: b64(root), body: `${body}\n`, signatures: signatures.trim().split('\n') };
}

describe('transparency log (API.md "Transparency log", RFC 9162, C2SP checkpoints and tiles)', () => {
  let t: TestApp;
  let provider: Awaited<ReturnType<typeof createOrganizationWithKey>>;
  let auditor: Awaited<ReturnType<typeof createOrganizationWithKey>>;
  const certificates: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    provider = await createOrganizationWithKey(t, ['provider']);
    auditor = await createOrganizationWithKey(t, ['auditor']);
    for (let i = 0; i < 13; i++) {
      const r = await t.http.post('/v1/retirements').set(provider.auth).send({ serials: [`JCL-ERL-LOG-${i * 10 + 1}-${i * 10 + 5}`], beneficiary: `b${i}`, purpose: 'p', evidence: EVIDENCE }).expect(201);
      certificates.push(r.body.certificateNumber);
    }
  });
  afterAll(() => t.close());

  /** Every entry of the log, as auditors read it (the read waits for the sequencer: read-your-writes). */
  async function allEntries(): Promise<{ leaf: Buffer; seq: number; logIndex: number }[]> {
    const page = await t.http.get('/v1/ledger/entries?limit=1000').set(auditor.auth).expect(200);
    return Promise.all(
      page.body.items.map(async (e: { logIndex: number; seq: number }) => {
        const one = await t.http.get(`/v1/log/entries/${e.logIndex}`).expect(200);
        expect(one.body.entry.seq).toBe(e.seq);
        return { leaf: b64(one.body.leaf), seq: e.seq, logIndex: e.logIndex };
      }),
    );
  }

  async function checkpointCovering(size: number) {
    return eventually(async () => {
      const note = (await t.http.get('/v1/log/checkpoint').expect(200).expect('content-type', /text\/plain/)).text;
      const cp = readCheckpoint(note);
      return cp.size >= size ? { ...cp, note } : undefined;
    }, 3000);
  }

  it('signs a checkpoint with a published Ed25519 key whose key hash is the C2SP one', async () => {
    const entries = await allEntries();
    const cp = await checkpointCovering(entries.length);
    expect(cp.origin).toMatch(/\/log$/);
    expect(cp.root).toEqual(referenceRoot(entries.map((e) => referenceLeafHash(e.leaf))));

    const vkeys = (await t.http.get('/v1/log/keys').expect(200)).text.trim().split('\n');
    // <name>+<hex key hash>+<base64>: the base64 may hold '+' itself.
    const [name, keyHashHex, ...rest] = vkeys[0].split('+');
    const keyB64 = rest.join('+');
    expect(name).toBe(cp.origin);
    const raw = b64(keyB64);
    expect(raw[0]).toBe(0x01);
    const signatureLine = cp.signatures.find((line) => line.startsWith(`\u2014 ${name} `))!;
    const signed = b64(signatureLine.split(' ')[2]);
    expect(signed.subarray(0, 4).toString('hex')).toBe(keyHashHex);
    const publicKey = createPublicKey({ key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), raw.subarray(1)]), format: 'der', type: 'spki' });
    const { verify } = await import('node:crypto');
    expect(verify(null, Buffer.from(cp.body), publicKey, signed.subarray(4))).toBe(true);
    expect(verify(null, Buffer.from(cp.body.replace(/\n\d+\n/, `\n${cp.size + 1}\n`)), publicKey, signed.subarray(4))).toBe(false);

    const jwks = (await t.http.get('/v1/certificate-keys').expect(200)).body.keys;
    expect(jwks.map((k: { x: string }) => Buffer.from(k.x, 'base64url').toString('hex'))).toContain(raw.subarray(1).toString('hex'));
  });

  it('proves every entry included, checked by an independent RFC 9162 verifier', async () => {
    const entries = await allEntries();
    const cp = await checkpointCovering(entries.length);
    for (const entry of entries.slice(0, cp.size)) {
      const proof = (await t.http.get(`/v1/log/proof/inclusion?index=${entry.logIndex}&treeSize=${cp.size}`).expect(200)).body;
      expect(b64(proof.leafHash)).toEqual(referenceLeafHash(entry.leaf));
      expect(referenceVerifyInclusion(entry.logIndex, cp.size, referenceLeafHash(entry.leaf), proof.hashes.map(b64), cp.root)).toBe(true);
      // The same proof does not prove another place or a changed leaf.
      expect(referenceVerifyInclusion((entry.logIndex + 1) % cp.size, cp.size, referenceLeafHash(entry.leaf), proof.hashes.map(b64), cp.root)).toBe(cp.size === 1);
      expect(referenceVerifyInclusion(entry.logIndex, cp.size, referenceLeafHash(Buffer.concat([entry.leaf, Buffer.from(' ')])), proof.hashes.map(b64), cp.root)).toBe(false);
    }
  });

  it('proves every earlier tree size consistent with the newest, checked independently', async () => {
    const entries = await allEntries();
    const cp = await checkpointCovering(entries.length);
    const leaves = entries.map((e) => referenceLeafHash(e.leaf));
    for (let m = 1; m <= cp.size; m++) {
      const proof = (await t.http.get(`/v1/log/proof/consistency?from=${m}&to=${cp.size}`).expect(200)).body;
      const hashes = proof.hashes.map(b64);
      expect(referenceVerifyConsistency(m, cp.size, referenceRoot(leaves.slice(0, m)), cp.root, hashes)).toBe(true);
      // A rewritten past (another first leaf) is not consistent with the published tree.
      const rewritten = [referenceLeafHash(Buffer.from('forged')), ...leaves.slice(1, m)];
      expect(referenceVerifyConsistency(m, cp.size, referenceRoot(rewritten), cp.root, hashes)).toBe(false);
    }
  });

  it('gives a certificate its log index once published, and its inclusion proof by number', async () => {
    const number = certificates[5];
    const certificate = await eventually(async () => {
      const c = (await t.http.get(`/v1/certificates/${number}`).expect(200)).body;
      return c.log ? c : undefined;
    }, 3000);
    const entry = (await t.http.get(`/v1/log/entries/${certificate.log.index}`).expect(200)).body;
    expect(entry.entry.type).toBe('retirement.created');
    expect(JSON.parse(entry.entry.payload).certificateNumber).toBe(number);
    const cp = readCheckpoint((await t.http.get('/v1/log/checkpoint').expect(200)).text);
    const byNumber = (await t.http.get(`/v1/log/proof/inclusion?certificate=${number}&treeSize=${cp.size}`).expect(200)).body;
    expect(byNumber.index).toBe(certificate.log.index);
    expect(referenceVerifyInclusion(byNumber.index, cp.size, referenceLeafHash(b64(entry.leaf)), byNumber.hashes.map(b64), cp.root)).toBe(true);
    await t.http.get('/v1/log/proof/inclusion?certificate=RC-2000-999999').expect(404);
  });

  it('serves the level-0 hash tile (C2SP tlog-tiles) as the leaf hashes, immutable', async () => {
    const entries = await allEntries();
    const cp = await checkpointCovering(entries.length);
    const width = Math.min(cp.size, 255);
    const tile = await t.http.get(`/v1/log/tile/0/000.p/${width}`).buffer(true).parse(binaryBody).expect(200);
    expect(tile.headers['cache-control']).toMatch(/immutable/);
    expect(tile.body).toEqual(Buffer.concat(entries.slice(0, width).map((e) => referenceLeafHash(e.leaf))));
    await t.http.get(`/v1/log/tile/0/000.p/${cp.size + 1}`).expect(404);
    await t.http.get('/v1/log/tile/0/not-a-tile').expect(404);
  });

  it('refuses proofs beyond the published tree and malformed sizes with 400 naming the field', async () => {
    const cp = readCheckpoint((await t.http.get('/v1/log/checkpoint').expect(200)).text);
    const beyond = await t.http.get(`/v1/log/proof/inclusion?index=0&treeSize=${cp.size + 1}`).expect(400);
    expect(beyond.body.errors[0].field).toBe('treeSize');
    expect((await t.http.get('/v1/log/proof/consistency?from=0&to=1').expect(400)).body.errors[0].field).toBe('from');
    expect((await t.http.get('/v1/log/proof/consistency?from=1').expect(400)).body.errors[0].field).toBe('to');
    expect((await t.http.get('/v1/log/proof/inclusion?index=-1').expect(400)).body.errors[0].field).toBe('index');
    await t.http.get(`/v1/log/entries/${cp.size + 100}`).expect(404);
  });

  it('keeps ledger verify and the log in step under concurrent writers', async () => {
    const before = (await t.http.get('/v1/ledger/head').set(auditor.auth).expect(200)).body.sequence;
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        t.http.post('/v1/retirements').set(provider.auth).send({ serials: [`JCL-ERL-LOGC-${(i % 10) * 10 + 1}-${(i % 10) * 10 + 5}`], beneficiary: 'c', purpose: 'p', evidence: EVIDENCE }),
      ),
    );
    const created = results.filter((r) => r.status === 201).length;
    expect(created).toBe(10);
    expect(results.filter((r) => r.status === 409)).toHaveLength(20);
    const head = (await t.http.get('/v1/ledger/head').set(auditor.auth).expect(200)).body;
    expect(head.sequence).toBe(before + created);
    expect((await t.http.get('/v1/ledger/verify').set(auditor.auth).expect(200)).body).toEqual({ ok: true, checked: head.sequence, head });
  });
});
