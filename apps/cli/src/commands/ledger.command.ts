import { Command } from 'commander';
import { JournalQueries } from '@registry/ledger';
import { withCliContext } from '../cli-context';

export function ledgerCommand(): Command {
  const ledger = new Command('ledger').description('the hash-chained journal');
  ledger
    .command('verify')
    .description('recompute the journal hash chain from the database; exit code 3 when it does not verify')
    .action(async () => {
      const result = await withCliContext((app) => app.get(JournalQueries).verify());
      process.stdout.write(`${JSON.stringify(result)}\n`);
      if (!result.ok) process.exitCode = 3;
    });
  return ledger;
}
