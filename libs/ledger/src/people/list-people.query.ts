import { Injectable } from '@nestjs/common';
import { DomainError } from '@registry/domain';
import type { Actor } from '../actor';
import { UnitOfWork } from '../ports';
import { toPersonSummary, type PersonSummary } from './person-actor';

export interface ListPeopleCommand {
  organizationId: string;
  actor: Actor;
}

/** The people of an organisation, oldest first, as an administrator sees them (never a hash). */
@Injectable()
export class ListPeopleQuery {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(command: ListPeopleCommand): Promise<{ items: PersonSummary[] }> {
    if (command.actor.kind !== 'admin') throw new DomainError('FORBIDDEN', "only an administrator lists an organisation's people");
    const people = await this.uow.read(async ({ organizations, people }) => {
      if (!(await organizations.findById(command.organizationId))) throw new DomainError('NOT_FOUND', `organization ${command.organizationId} does not exist`);
      return people.listByOrganization(command.organizationId);
    });
    return { items: people.map(toPersonSummary) };
  }
}
