import { Foundation1764000000000 as PostgresFoundation } from './postgres/1764000000000-foundation';
import { Foundation1764000000000 as SqliteFoundation } from './sqlite/1764000000000-foundation';

/** Listed explicitly (no globs) so the tsc build and jest load exactly the same migrations. */
export const SQLITE_MIGRATIONS = [SqliteFoundation];
export const POSTGRES_MIGRATIONS = [PostgresFoundation];
