import { Command } from 'commander';
import { REGISTRY_CONFIG, type RegistryConfig } from '@registry/config';
import { withCliContext } from '../cli-context';
import { DemoSeeder, LedgerNotEmptyError, type SeededDemo } from '../seed/seed-demo';

export function seedCommand(): Command {
  const seed = new Command('seed').description('example data');
  seed
    .command('demo')
    .description('fill an EMPTY ledger with a small realistic registry (organisations, blocks of every scheme, retirements, a certified CN claim, a CFP offset) and print a key per organisation')
    .option('--json', 'print what was created, keys included, as JSON')
    .action(async (options: { json?: boolean }) => {
      const started = Date.now();
      try {
        const { demo, baseUrl } = await withCliContext(async (app) => ({
          demo: await new DemoSeeder(app).run(),
          baseUrl: app.get<RegistryConfig>(REGISTRY_CONFIG).publicBaseUrl.replace(/\/$/, ''),
        }));
        process.stdout.write(options.json ? `${JSON.stringify(demo)}\n` : describe(demo, baseUrl, Date.now() - started));
      } catch (error) {
        if (!(error instanceof LedgerNotEmptyError)) throw error;
        process.stderr.write(`${error.message}\n`);
        process.exitCode = 1;
      }
    });
  return seed;
}

function describe(demo: SeededDemo, baseUrl: string, ms: number): string {
  const certificate = demo.retirements.find((r) => r.officialReference === 'recorded')!;
  const pending = demo.retirements.find((r) => r.officialReference === 'pending');
  const lines = [
    `seeded in ${(ms / 1000).toFixed(1)} s: ${demo.organizations.length} organisations, ${demo.holdings} blocks held, ${demo.retirements.length} retirements` +
      ` (${pending ? `${pending.certificateNumber} pending its registry's reference` : 'none pending'}), CN ${demo.cnCertificationNumber} certified, CFP ${demo.cfpNotificationNumber} accepted, ${demo.reconciliation.alertCount} reconciliation alert(s)`,
    '',
    'API keys (shown once; Authorization: Bearer <key>):',
    ...demo.organizations.map((o) => `  ${o.roles.join(',').padEnd(10)} ${o.name}  id ${o.id}\n             key ${o.apiKey}`),
    '',
    `People to sign in with at ${baseUrl}/sign-in, one per role (the passwords are shown once):`,
    ...demo.people.map((p) => `  ${p.role.padEnd(10)} email ${p.email.padEnd(24)} password ${p.password}`),
    '',
    'Try (after npm start):',
    `  ${baseUrl}/`,
    `  ${baseUrl}/v1/register`,
    `  ${baseUrl}/verify/${certificate.certificateNumber}`,
    `  ${baseUrl}/verify/${demo.cnCertificationNumber}`,
    `  ${baseUrl}/v1/serials/status?serial=${encodeURIComponent(certificate.serials[0]!)}`,
    `  ${baseUrl}/v1/retirements/${pending?.id ?? certificate.id}   (with the provider's or the auditor's key: officialReference pending)`,
    `  ${baseUrl}/v1/reconciliations/${demo.reconciliation.id}   (with the first provider's or the auditor's key: ACR shows retired what the ledger still holds)`,
    '',
  ];
  return lines.join('\n');
}
