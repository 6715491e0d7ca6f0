import { DomainError } from '@registry/domain';
import type { OrganizationRecord, OrganizationStore } from '@registry/ledger/ports';
import type { EntityManager } from 'typeorm';
import { isUniqueViolation } from '../database-errors';
import { OrganizationEntity } from '../entities';

export class TypeOrmOrganizationStore implements OrganizationStore {
  constructor(private readonly em: EntityManager) {}

  async insert(organization: OrganizationRecord): Promise<void> {
    try {
      await this.em.insert(OrganizationEntity, organization);
    } catch (error) {
      // A concurrent request (another process on PostgreSQL) won the race for this number.
      if (isUniqueViolation(error)) {
        throw new DomainError(
          'DUPLICATE_CORPORATE_NUMBER',
          `an organisation with corporateNumber ${organization.corporateNumber} already exists`,
          { field: 'corporateNumber' },
        );
      }
      throw error;
    }
  }

  findById(id: string): Promise<OrganizationRecord | null> {
    return this.em.findOneBy(OrganizationEntity, { id }) as Promise<OrganizationRecord | null>;
  }

  findByCorporateNumber(corporateNumber: string): Promise<OrganizationRecord | null> {
    return this.em.findOneBy(OrganizationEntity, { corporateNumber }) as Promise<OrganizationRecord | null>;
  }
}
