import { Command } from 'commander';
import { IdentityDuplicatesQuery, JournalQueries } from '@registry/ledger';
import { withCliContext } from '../cli-context';

export function ledgerCommand(): Command {
  const ledger = new Command('ledger').description('the hash-chained journal and the records it keeps');
  ledger
    .command('verify')
    .description('recompute the journal hash chain from the database; exit code 3 when it does not verify')
    .action(async () => {
      const result = await withCliContext((app) => app.get(JournalQueries).verify());
      process.stdout.write(`${JSON.stringify(result)}\n`);
      if (!result.ok) process.exitCode = 3;
    });
  ledger
    .command('duplicates')
    .description('list every pair of live records of the same printed serials (kept by the serial-identity migration); exit code 3 when there are any')
    .action(async () => {
      const pairs = await withCliContext((app) => app.get(IdentityDuplicatesQuery).execute());
      for (const pair of pairs) process.stdout.write(`${JSON.stringify(pair)}\n`);
      process.stderr.write(`${pairs.length} duplicate pair(s)${pairs.length > 0 ? ': void one record of each (the resolve field says how; each void is journaled)' : ''}\n`);
      if (pairs.length > 0) process.exitCode = 3;
    });
  return ledger;
}
