import { Command } from 'commander';
import { loadConfig } from '@registry/config';
import { BackupRefusedError } from '../backup/backup-refused';
import { backupPostgres, restorePostgres } from '../backup/postgres-backup';
import { restoredReport } from '../backup/restored-report';
import { backupSqlite, restoreSqlite } from '../backup/sqlite-backup';
import { withCliContext } from '../cli-context';

const KEYS_REMINDER =
  'The certificate signing keys (CERTIFICATE_KEYS_DIR) are not in this backup: they are secrets, kept and backed up apart ' +
  '(docs/deployment.md, "What to back up"): back that folder up on its own, encrypted. The published keys that every issued ' +
  'certificate is checked against come from it.\n';

/** Refusals are the operator's to fix, not crashes: the message alone, exit code 1. */
async function refusing(work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (!(error instanceof BackupRefusedError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 1;
  }
}

export function backupCommand(): Command {
  return new Command('backup')
    .description('a consistent copy of the configured database, taken while the API runs: SQLite → <file> (+ <file stem>.pdfs.sqlite), PostgreSQL → pg_dump custom format')
    .argument('<file>', 'where to write the backup (never overwritten)')
    .action((file: string) =>
      refusing(async () => {
        const { database } = loadConfig();
        const result = database.engine === 'sqlite' ? await backupSqlite(database.sqlitePath, file) : await backupPostgres(database.url, file);
        process.stdout.write(`${JSON.stringify({ engine: database.engine, ...result })}\n`);
        process.stderr.write(KEYS_REMINDER);
      }),
    );
}

export function restoreCommand(): Command {
  return new Command('restore')
    .description('restore a backup into the configured, empty database, then run the tamper check (ledger verify); exit code 3 when it does not verify')
    .argument('<file>', 'a file written by `backup`')
    .option('--force', 'replace a database that is not empty (stop the API first)')
    .action((file: string, options: { force?: boolean }) =>
      refusing(async () => {
        const { database } = loadConfig();
        if (database.engine === 'sqlite') await restoreSqlite(file, database.sqlitePath, options.force ?? false);
        else await restorePostgres(file, database.url, options.force ?? false);
        const report = await withCliContext(restoredReport);
        process.stdout.write(`${JSON.stringify({ engine: database.engine, restored: file, ...report })}\n`);
        if (!report.verify.ok) {
          process.stderr.write('the restored journal does not verify: this backup was altered or damaged; do not serve from it\n');
          process.exitCode = 3;
        }
      }),
    );
}
