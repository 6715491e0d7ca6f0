import 'reflect-metadata';
import { loadConfigOrExit } from '@registry/config';
import { createApiApp } from './create-api-app';
import { shutDownGracefully } from './lifecycle/graceful-shutdown';

const logLine = (entry: object) => process.stdout.write(JSON.stringify(entry) + '\n');

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  for (const warning of config.warnings) process.stderr.write(JSON.stringify({ level: 'warn', msg: warning }) + '\n');
  const app = await createApiApp(config);
  shutDownGracefully(app, config, logLine);
  await app.listen(config.port, '0.0.0.0');
  const engine = config.database.engine === 'sqlite' ? `SQLite at ${config.database.sqlitePath}` : 'PostgreSQL';
  const jobs = config.redisUrl ? 'BullMQ' : 'in-process';
  process.stdout.write(
    JSON.stringify({ msg: 'registry API listening', port: config.port, database: engine, jobs, docs: `${config.publicBaseUrl}/docs` }) + '\n',
  );
}

main().catch((error) => {
  process.stderr.write(`registry API failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
