import { DomainError, type FailureCounter, type Role } from '@registry/domain';
import type { PersonRecord, PersonStore } from '@registry/ledger/ports';
import { isUniqueViolation } from '../database-errors';
import type { Sql } from './sql';

interface PersonRow {
  id: string;
  organization_id: string;
  email: string;
  password_hash: string;
  roles: string;
  created_at: string;
  disabled_at: string | null;
  failed_sign_ins: number | string;
  failed_sign_ins_since: string | null;
  locked_until: string | null;
  password_changed_at: string;
}

export class SqlPersonStore implements PersonStore {
  constructor(private readonly sql: Sql) {}

  async insert(p: PersonRecord): Promise<void> {
    try {
      await this.sql.query(
        `INSERT INTO people (id, organization_id, email, password_hash, roles, created_at, disabled_at, failed_sign_ins, failed_sign_ins_since, locked_until, password_changed_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          p.id, p.organizationId, p.email, p.passwordHash, JSON.stringify(p.roles), p.createdAt, p.disabledAt,
          p.signInFailures.failures, p.signInFailures.windowStartedAt, p.signInFailures.lockedUntil, p.passwordChangedAt,
        ],
      );
    } catch (error) {
      // Checked before by the use case; a concurrent insert (another process) can still win the race.
      if (isUniqueViolation(error)) throw emailTaken();
      throw error;
    }
  }

  async findById(id: string): Promise<PersonRecord | null> {
    return toRecord(await this.sql.one<PersonRow>(`SELECT * FROM people WHERE id = ?`, [id]));
  }

  async findByEmail(email: string): Promise<PersonRecord | null> {
    // lower() on both sides: the unique index is on lower(email), so this lookup uses it.
    return toRecord(await this.sql.one<PersonRow>(`SELECT * FROM people WHERE lower(email) = lower(?)`, [email]));
  }

  async listAdministrators(): Promise<PersonRecord[]> {
    // Roles are a JSON array of known words; '"admin"' cannot match inside another role's name.
    const rows = await this.sql.query<PersonRow>(`SELECT * FROM people WHERE roles LIKE '%"admin"%' ORDER BY created_at, id`);
    return rows.map((row) => toRecord(row) as PersonRecord);
  }

  async listByOrganization(organizationId: string): Promise<PersonRecord[]> {
    const rows = await this.sql.query<PersonRow>(`SELECT * FROM people WHERE organization_id = ? ORDER BY created_at, id`, [organizationId]);
    return rows.map((row) => toRecord(row) as PersonRecord);
  }

  async saveSignInFailures(id: string, c: FailureCounter): Promise<void> {
    await this.sql.query(`UPDATE people SET failed_sign_ins = ?, failed_sign_ins_since = ?, locked_until = ? WHERE id = ?`, [
      c.failures, c.windowStartedAt, c.lockedUntil, id,
    ]);
  }

  async setPassword(id: string, passwordHash: string, at: string): Promise<void> {
    await this.sql.query(
      `UPDATE people SET password_hash = ?, password_changed_at = ?, failed_sign_ins = 0, failed_sign_ins_since = NULL, locked_until = NULL WHERE id = ?`,
      [passwordHash, at, id],
    );
  }
}

export function emailTaken(): DomainError {
  const message = 'already belongs to a person';
  return new DomainError('VALIDATION_FAILED', `email ${message}`, { errors: [{ field: 'email', message }] });
}

function toRecord(row: PersonRow | null): PersonRecord | null {
  if (!row) return null;
  return {
    id: row.id,
    organizationId: row.organization_id,
    email: row.email,
    passwordHash: row.password_hash,
    roles: JSON.parse(row.roles) as Role[],
    createdAt: row.created_at,
    disabledAt: row.disabled_at,
    signInFailures: { failures: Number(row.failed_sign_ins), windowStartedAt: row.failed_sign_ins_since, lockedUntil: row.locked_until },
    passwordChangedAt: row.password_changed_at,
  };
}
