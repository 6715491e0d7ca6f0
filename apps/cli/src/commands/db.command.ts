import { Command } from 'commander';
import { loadConfig } from '@registry/config';
import { createDataSource } from '@registry/persistence';

export function dbCommand(): Command {
  const db = new Command('db').description('database operations');
  db.command('migrate')
    .description('apply pending migrations (the API and worker also do this at start-up)')
    .action(async () => {
      const dataSource = createDataSource(loadConfig().database);
      await dataSource.initialize();
      try {
        const applied = await dataSource.runMigrations({ transaction: 'each' });
        const names = applied.map((m) => m.name);
        process.stdout.write(names.length ? `applied: ${names.join(', ')}\n` : 'schema is up to date\n');
      } finally {
        await dataSource.destroy();
      }
    });
  return db;
}
