import type { DataSource } from 'typeorm';

export function isPostgres(dataSource: DataSource): boolean {
  return dataSource.options.type === 'postgres';
}
