import 'reflect-metadata';
import { Command, CommanderError } from 'commander';
import { ConfigError } from '@registry/config';
import { DomainError } from '@registry/domain';
import { backupCommand, restoreCommand } from './commands/backup.command';
import { certificateCommand } from './commands/certificate.command';
import { CliUsageError } from './commands/cli-files';
import { dbCommand } from './commands/db.command';
import { exportCommand } from './commands/export.command';
import { importCommand } from './commands/import.command';
import { keysCommand } from './commands/keys.command';
import { ledgerCommand } from './commands/ledger.command';
import { logCommand } from './commands/log.command';
import { orgsCommand } from './commands/orgs.command';
import { peopleCommand } from './commands/people.command';
import { reconcileCommand } from './commands/reconcile.command';
import { seedCommand } from './commands/seed.command';

const program = new Command('registry')
  .description('offset-registry operator commands (configuration from the same environment as the API)')
  .addCommand(dbCommand())
  .addCommand(orgsCommand())
  .addCommand(keysCommand())
  .addCommand(peopleCommand())
  .addCommand(ledgerCommand())
  .addCommand(logCommand())
  .addCommand(certificateCommand())
  .addCommand(exportCommand())
  .addCommand(reconcileCommand())
  .addCommand(seedCommand())
  .addCommand(importCommand())
  .addCommand(backupCommand())
  .addCommand(restoreCommand());

program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof CliUsageError || error instanceof CommanderError) process.stderr.write(`${error.message}\n`);
  else if (error instanceof DomainError) process.stderr.write(`${error.code}: ${error.message}\n`);
  else process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
