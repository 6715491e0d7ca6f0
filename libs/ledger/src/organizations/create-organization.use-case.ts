import { Injectable } from '@nestjs/common';
import { assertCorporateNumber, DomainError, type OrganizationRole } from '@registry/domain';
import { randomUUID } from 'node:crypto';
import { UnitOfWork, type OrganizationRecord } from '../ports';

export interface CreateOrganizationCommand {
  name: string;
  corporateNumber?: string;
  roles: OrganizationRole[];
}

@Injectable()
export class CreateOrganizationUseCase {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(command: CreateOrganizationCommand): Promise<OrganizationRecord> {
    const corporateNumber =
      command.corporateNumber === undefined ? null : assertCorporateNumber(command.corporateNumber);
    const organization: OrganizationRecord = {
      id: randomUUID(),
      name: command.name.trim(),
      corporateNumber,
      roles: [...new Set(command.roles)].sort(),
      createdAt: new Date().toISOString(),
    };
    return this.uow.write(async ({ organizations }) => {
      if (corporateNumber) {
        const existing = await organizations.findByCorporateNumber(corporateNumber);
        if (existing) {
          throw new DomainError(
            'DUPLICATE_CORPORATE_NUMBER',
            `an organisation with corporateNumber ${corporateNumber} already exists`,
            { field: 'corporateNumber', existingOrganizationId: existing.id },
          );
        }
      }
      await organizations.insert(organization);
      return organization;
    });
  }
}
