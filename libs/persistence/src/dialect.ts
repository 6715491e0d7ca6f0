import type { DataSource, EntityManager } from 'typeorm';

export function isPostgres(source: DataSource | EntityManager): boolean {
  const options = 'connection' in source ? source.connection.options : source.options;
  return options.type === 'postgres';
}
