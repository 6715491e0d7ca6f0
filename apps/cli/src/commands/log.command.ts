import { Command } from 'commander';
import {
  checkConsistencyProof,
  checkInclusionProof,
  journalLeafBytes,
  keysForAnyName,
  parseVerifierKey,
  tilePath,
  type JournalEntry,
  type LogProofCheck,
  type NoteVerifierKey,
} from '@registry/domain';
import { CertificateQueries, LogQueries } from '@registry/ledger';
import { createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { withCliContext } from '../cli-context';

interface KeyOptions {
  keys?: string;
  vkey?: string[];
}

const readText = (file: string) => readFileSync(file, 'utf8');
const readJson = (file: string): unknown => JSON.parse(readText(file));

/**
 * `log verify inclusion|consistency`: checks a checkpoint's signature and a proof against it with
 * the files an auditor saved (API.md "Transparency log"), like tools/verify-log-proof.mjs. Keys: a
 * JWKS (`--keys`), signed-note vkeys (`--vkey`), or, with neither, this registry's own.
 */
export function logCommand(): Command {
  const log = new Command('log').description('the transparency log');
  const verify = log.command('verify').description('check a proof offline; exit code 3 when it does not verify');
  verify
    .command('inclusion')
    .requiredOption('--checkpoint <file>', 'a checkpoint (GET /v1/log/checkpoint)')
    .requiredOption('--proof <file>', 'an inclusion proof (GET /v1/log/proof/inclusion)')
    .option('--entry <file>', 'the entry (GET /v1/log/entries/{index}): its leaf must be the proof’s, and its fields the leaf’s bytes')
    .option('--keys <jwks.json>', 'published keys (GET /v1/certificate-keys)')
    .option('--vkey <vkey...>', 'signed-note verifier keys (GET /v1/log/keys)')
    .action((options: KeyOptions & { checkpoint: string; proof: string; entry?: string }) =>
      unlessUnreadable(async () => {
        const checkpoint = readText(options.checkpoint);
        const leaf = options.entry ? entryLeaf(readJson(options.entry)) : undefined;
        if (typeof leaf === 'string') return report({ valid: false, reason: leaf });
        report(checkInclusionProof({ checkpoint, keys: await keysFor(checkpoint, options), proof: readJson(options.proof), leaf }));
      }),
    );
  verify
    .command('consistency')
    .requiredOption('--old <file>', 'the older checkpoint you kept')
    .requiredOption('--new <file>', 'the newer checkpoint')
    .requiredOption('--proof <file>', 'a consistency proof (GET /v1/log/proof/consistency)')
    .option('--keys <jwks.json>', 'published keys (GET /v1/certificate-keys)')
    .option('--vkey <vkey...>', 'signed-note verifier keys (GET /v1/log/keys)')
    .action((options: KeyOptions & { old: string; new: string; proof: string }) =>
      unlessUnreadable(async () => {
        const oldCheckpoint = readText(options.old);
        const newCheckpoint = readText(options.new);
        const keys = [...(await keysFor(oldCheckpoint, options)), ...(await keysFor(newCheckpoint, options))];
        report(checkConsistencyProof({ oldCheckpoint, newCheckpoint, keys, proof: readJson(options.proof) }));
      }),
    );
  log
    .command('tiles')
    .requiredOption('--out <dir>', 'the folder to write checkpoint and tile/… into')
    .description('write the newest checkpoint and its tree as C2SP tlog-tiles files, for a plain file server or a CDN')
    .action(async (options: { out: string }) => {
      const written = await withCliContext(async (app) => {
        const queries = app.get(LogQueries);
        const { checkpoint, tiles } = await queries.publishedTiles();
        for (const { level, index, width } of tiles) {
          const file = join(options.out, tilePath(level, index, width));
          mkdirSync(dirname(file), { recursive: true });
          writeFileSync(file, await queries.tile(level, index, width));
        }
        // The checkpoint last: a reader who sees it finds every tile it names.
        writeFileSync(join(options.out, 'checkpoint'), checkpoint);
        return { size: Number(checkpoint.split('\n')[1]), tiles: tiles.length };
      });
      process.stdout.write(`${JSON.stringify(written)}\n`);
    });
  return log;
}

/** A file that cannot be read, or a key that cannot be parsed: exit code 2, as tools/verify-log-proof.mjs. */
async function unlessUnreadable(check: () => Promise<void>): Promise<void> {
  try {
    await check();
  } catch (error) {
    process.stdout.write(`${JSON.stringify({ valid: false, reason: `unreadable input: ${(error as Error).message}` })}\n`);
    process.exitCode = 2;
  }
}

function report(result: LogProofCheck): void {
  const shown = result.valid ? { valid: true, origin: result.checkpoint.origin, size: result.checkpoint.size } : result;
  process.stdout.write(`${JSON.stringify(shown)}\n`);
  if (!result.valid) process.exitCode = 3;
}

/** The leaf bytes of a saved entry, after checking that its fields encode to them; a reason when they do not. */
function entryLeaf(saved: unknown): Buffer | string {
  const { leaf, entry } = (saved ?? {}) as { leaf?: unknown; entry?: JournalEntry };
  if (typeof leaf !== 'string' || !entry || typeof entry !== 'object') return 'the entry file is not { index, leaf, entry }';
  const bytes = Buffer.from(leaf, 'base64');
  return journalLeafBytes(entry).equals(bytes) ? bytes : 'the entry’s fields are not its leaf bytes: the entry was changed';
}

async function keysFor(note: string, options: KeyOptions): Promise<NoteVerifierKey[]> {
  if (options.vkey?.length) return options.vkey.map((vkey) => parseVerifierKey(vkey));
  const jwks = options.keys
    ? ((readJson(options.keys) as { keys: JsonWebKey[] }).keys ?? [])
    : await withCliContext(async (app) => app.get(CertificateQueries).keys().keys as JsonWebKey[]);
  const publicKeys: KeyObject[] = jwks.map((jwk) => createPublicKey({ key: jwk, format: 'jwk' }));
  return keysForAnyName(note, publicKeys);
}
