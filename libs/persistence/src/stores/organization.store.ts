import { DomainError, type OrganizationRole } from '@registry/domain';
import type { OrganizationRecord, OrganizationStore } from '@registry/ledger/ports';
import { isUniqueViolation } from '../database-errors';
import type { Sql } from './sql';

export interface OrganizationRow {
  id: string;
  name: string;
  corporate_number: string | null;
  roles: string;
  created_at: string;
}

export class SqlOrganizationStore implements OrganizationStore {
  constructor(private readonly sql: Sql) {}

  async insert(o: OrganizationRecord): Promise<void> {
    try {
      await this.sql.query(`INSERT INTO organizations (id, name, corporate_number, roles, created_at) VALUES (?, ?, ?, ?, ?)`, [
        o.id, o.name, o.corporateNumber, JSON.stringify(o.roles), o.createdAt,
      ]);
    } catch (error) {
      // A concurrent request (another process on PostgreSQL) won the race for this number.
      if (isUniqueViolation(error)) {
        throw new DomainError('DUPLICATE_CORPORATE_NUMBER', `an organisation with corporateNumber ${o.corporateNumber} already exists`, {
          field: 'corporateNumber',
        });
      }
      throw error;
    }
  }

  async rename(id: string, name: string): Promise<void> {
    await this.sql.query(`UPDATE organizations SET name = ? WHERE id = ?`, [name, id]);
  }

  async findById(id: string): Promise<OrganizationRecord | null> {
    return toRecord(await this.sql.one<OrganizationRow>(`SELECT * FROM organizations WHERE id = ?`, [id]));
  }

  async findByCorporateNumber(corporateNumber: string): Promise<OrganizationRecord | null> {
    return toRecord(await this.sql.one<OrganizationRow>(`SELECT * FROM organizations WHERE corporate_number = ?`, [corporateNumber]));
  }
}

function toRecord(row: OrganizationRow | null): OrganizationRecord | null {
  return row ? organizationFromRow(row) : null;
}

export function organizationFromRow(row: OrganizationRow): OrganizationRecord {
  return {
    id: row.id,
    name: row.name,
    corporateNumber: row.corporate_number,
    roles: JSON.parse(row.roles) as OrganizationRole[],
    createdAt: row.created_at,
  };
}
