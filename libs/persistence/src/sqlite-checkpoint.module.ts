import { Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { REGISTRY_CONFIG, type RegistryConfig } from '@registry/config';
import { DataSource } from 'typeorm';
import { SqliteCheckpointer } from './sqlite-checkpointer';

const CHECKPOINTER = Symbol('CHECKPOINTER');

function startCheckpointer(config: RegistryConfig): SqliteCheckpointer | null {
  if (config.database.engine !== 'sqlite' || config.database.sqlitePath === ':memory:') return null;
  const logger = new Logger('SqliteCheckpointer');
  return new SqliteCheckpointer(config.database.sqlitePath, (message) => logger.warn({ err: message }, 'background checkpoint failed'));
}

/**
 * Background WAL checkpoints, for the process that writes the ledger at request rate: the API. Not
 * in the worker, whose threads run under SCHED_IDLE: a starved checkpoint there would hold SQLite's
 * checkpoint lock against the API's; nor in the short-lived CLI.
 */
@Module({
  // Depends on the DataSource so that it starts after the migrations.
  providers: [{ provide: CHECKPOINTER, inject: [REGISTRY_CONFIG, DataSource], useFactory: startCheckpointer }],
})
export class SqliteCheckpointModule implements OnApplicationShutdown {
  constructor(@Inject(CHECKPOINTER) private readonly checkpointer: SqliteCheckpointer | null) {}

  async onApplicationShutdown(): Promise<void> {
    await this.checkpointer?.stop();
  }
}
