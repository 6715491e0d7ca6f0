import { Command } from 'commander';
import { IssueApiKeyUseCase, ListApiKeysUseCase, RevokeApiKeyUseCase, type ApiKeySummary } from '@registry/auth';
import type { Actor } from '@registry/ledger';
import { withCliContext } from '../cli-context';

/** The operator at the console acts with the admin's rights. */
const OPERATOR: Actor = { kind: 'admin' };

export function keysCommand(): Command {
  const keys = new Command('keys').description('API keys of organisations');
  keys.command('create')
    .description('issue a new API key for an organisation (printed once; stored hashed)')
    .requiredOption('--org <id>', 'organisation id')
    .option('--label <label>', 'a name to recognise the key by')
    .option('--expires-at <instant>', 'ISO 8601 instant after which the key is refused, e.g. 2030-01-01T00:00:00Z')
    .option('--json', 'print the whole record as JSON')
    .action(async (options: { org: string; label?: string; expiresAt?: string; json?: boolean }) => {
      const issued = await withCliContext((app) =>
        app.get(IssueApiKeyUseCase).execute({ organizationId: options.org, label: options.label, expiresAt: options.expiresAt }),
      );
      process.stdout.write(options.json ? `${JSON.stringify(issued)}\n` : `id  ${issued.id}\nkey ${issued.key}\n`);
    });
  keys.command('list')
    .description("list an organisation's keys (never their secrets)")
    .requiredOption('--org <id>', 'organisation id')
    .option('--json', 'print the list as JSON')
    .action(async (options: { org: string; json?: boolean }) => {
      const { items } = await withCliContext((app) => app.get(ListApiKeysUseCase).execute({ organizationId: options.org, actor: OPERATOR }));
      process.stdout.write(options.json ? `${JSON.stringify({ items })}\n` : items.map(describeKey).join(''));
    });
  keys.command('revoke')
    .description('revoke a key: every API process refuses it from the next request on')
    .argument('<id>', 'key id (as printed by create or list)')
    .action(async (id: string) => {
      await withCliContext((app) => app.get(RevokeApiKeyUseCase).execute({ apiKeyId: id, actor: OPERATOR }));
      process.stdout.write(`revoked ${id}\n`);
    });
  return keys;
}

function describeKey(key: ApiKeySummary): string {
  const state = key.revokedAt ? `revoked ${key.revokedAt}` : key.expiresAt && Date.parse(key.expiresAt) <= Date.now() ? `expired ${key.expiresAt}` : 'active';
  const fields = [
    key.id,
    key.prefix,
    state,
    `created ${key.createdAt}`,
    `last used ${key.lastUsedAt ?? 'never'}`,
    key.expiresAt && !state.startsWith('expired') ? `expires ${key.expiresAt}` : '',
    key.label ? `label ${JSON.stringify(key.label)}` : '',
  ];
  return `${fields.filter(Boolean).join('  ')}\n`;
}
