import { Command } from 'commander';
import { verifyCertificate } from '@registry/domain';
import { CertificateQueries } from '@registry/ledger';
import { existsSync, readFileSync } from 'node:fs';
import type { JsonWebKey } from 'node:crypto';
import { withCliContext } from '../cli-context';
import { certificateKeysCommand } from './certificate-keys.command';

export function certificateCommand(): Command {
  const certificate = new Command('certificate').description('retirement certificates');
  certificate
    .command('verify')
    .argument('<certificate>', 'a certificate JSON file (as GET /v1/certificates/{number} returns it), or a certificate number')
    .option('--keys <jwks.json>', 'published keys (GET /v1/certificate-keys); default: the keys of this registry')
    .description('check a certificate signature offline; exit code 3 when it does not verify')
    .action(async (target: string, options: { keys?: string }) => {
      const result = await withCliContext(async (app) => {
        const queries = app.get(CertificateQueries);
        const document = existsSync(target) ? (JSON.parse(readFileSync(target, 'utf8')) as Record<string, unknown>) : await queries.document(target);
        const keys = options.keys ? (JSON.parse(readFileSync(options.keys, 'utf8')) as { keys: JsonWebKey[] }).keys : (queries.keys().keys as JsonWebKey[]);
        return { number: document.number, status: document.status, ...verifyCertificate(document, keys) };
      });
      process.stdout.write(`${JSON.stringify(result)}\n`);
      if (!result.valid) process.exitCode = 3;
    });
  certificate.addCommand(certificateKeysCommand());
  return certificate;
}
