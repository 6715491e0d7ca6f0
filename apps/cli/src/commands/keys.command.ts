import { Command } from 'commander';
import { IssueApiKeyUseCase } from '@registry/auth';
import { withCliContext } from '../cli-context';

export function keysCommand(): Command {
  const keys = new Command('keys').description('API keys of organisations');
  keys.command('create')
    .description('issue a new API key for an organisation (printed once; stored hashed)')
    .requiredOption('--org <id>', 'organisation id')
    .option('--label <label>', 'a name to recognise the key by')
    .option('--json', 'print the whole record as JSON')
    .action(async (options: { org: string; label?: string; json?: boolean }) => {
      const issued = await withCliContext((app) => app.get(IssueApiKeyUseCase).execute(options.org, options.label));
      process.stdout.write(options.json ? `${JSON.stringify(issued)}\n` : `${issued.key}\n`);
    });
  return keys;
}
