import { Injectable } from '@nestjs/common';
import type { OrganizationRole } from '@registry/domain';
import type { Actor } from '../actor';
import { UnitOfWork, type OrganizationRecord } from '../ports';
import type { Page } from './list-page';

/** The roles the public directory shows: whom one transfers to, retires through, or is certified by. */
export const DIRECTORY_ROLES: readonly OrganizationRole[] = ['provider', 'certifier'];

export interface OrganizationDirectoryCommand {
  /** The admin sees every organisation; everyone else the public directory. */
  actor?: Actor;
  role?: OrganizationRole;
  name?: string;
  cursor?: string;
  limit: number;
}

export interface DirectoryEntry {
  id: string;
  name: string;
  corporateNumber: string | null;
  roles: OrganizationRole[];
}

@Injectable()
export class OrganizationDirectoryQuery {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(command: OrganizationDirectoryCommand): Promise<Page<DirectoryEntry>> {
    const admin = command.actor?.kind === 'admin';
    const rows = await this.uow.read(({ lists }) =>
      lists.organizations({
        anyRole: admin ? undefined : DIRECTORY_ROLES,
        role: command.role,
        nameContains: command.name,
        afterId: command.cursor,
        limit: command.limit + 1,
      }),
    );
    const items = rows.slice(0, command.limit).map((o) => entry(o, admin));
    return rows.length > command.limit ? { items, nextCursor: items[items.length - 1].id } : { items };
  }
}

/** The public sees only the directory roles of an organisation, never that it is also, say, an auditor. */
function entry(o: OrganizationRecord, admin: boolean): DirectoryEntry {
  return { id: o.id, name: o.name, corporateNumber: o.corporateNumber, roles: admin ? o.roles : o.roles.filter((r) => DIRECTORY_ROLES.includes(r)) };
}
