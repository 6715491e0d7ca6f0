import { Injectable } from '@nestjs/common';
import { DomainError } from '@registry/domain';
import { UnitOfWork, type OrganizationRecord } from '../ports';

@Injectable()
export class GetOrganizationUseCase {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(id: string): Promise<OrganizationRecord> {
    const organization = await this.uow.read(({ organizations }) => organizations.findById(id));
    if (!organization) throw new DomainError('NOT_FOUND', `organization ${id} does not exist`);
    return organization;
  }
}
