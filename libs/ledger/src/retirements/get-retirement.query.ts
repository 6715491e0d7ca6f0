import { Injectable } from '@nestjs/common';
import { DomainError } from '@registry/domain';
import { UnitOfWork } from '../ports';
import { retirementView, type RetirementView } from './retirement-view';

@Injectable()
export class GetRetirementQuery {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(id: string): Promise<RetirementView> {
    const found = await this.uow.read(async ({ retirements }) => {
      const retirement = await retirements.findById(id);
      return retirement ? retirementView(retirement, await retirements.findVoid(id)) : null;
    });
    if (!found) throw new DomainError('NOT_FOUND', `retirement ${id} does not exist`);
    return found;
  }
}
