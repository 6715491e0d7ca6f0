import { ORGANIZATION_ROLES } from '@registry/domain';
import type { DirectoryEntry } from '@registry/ledger';
import type { RefusedForm } from '../../forms/refused-form';
import { pageHref, type PageContext } from '../../http/page-context';
import { Pager } from '../components';
import { Layout } from '../layout';
import { ListTable } from '../list-table';
import { AdminForm, refusalOf, RoleChoices, TextField } from './admin-fields';

export interface AdminOrganizationsProps {
  page: PageContext;
  items: DirectoryEntry[];
  first?: string;
  next?: string;
  refused?: RefusedForm;
}

/** Every organisation with its roles (paged), and the form that registers one. */
export function AdminOrganizationsPage({ page, items, first, next, refused }: AdminOrganizationsProps): string {
  const { t } = page;
  const a = t.admin;
  const create = refusalOf(refused, 'create-organization');
  return (
    <Layout page={page} title={a.organizationsTitle}>
      <h1 safe>{a.organizationsTitle}</h1>
      <p class="lead" safe>
        {a.organizationsLead}
      </p>
      <ListTable
        items={items}
        empty={a.noOrganizations}
        tableClass="organizations"
        caption={a.organizationsCaption}
        columns={[a.name, a.corporateNumber, a.roles]}
        row={(o) => (
          <tr>
            <td data-label={a.name}>
              <a href={pageHref(page, `/admin/organizations/${encodeURIComponent(o.id)}`)} safe>
                {o.name}
              </a>
            </td>
            <td data-label={a.corporateNumber} class="mono" safe>
              {o.corporateNumber ?? a.never}
            </td>
            <td data-label={a.roles} safe>
              {o.roles.length === 0 ? a.noRoles : o.roles.map((role) => t.roleNames[role] ?? role).join(a.listSeparator)}
            </td>
          </tr>
        )}
      />
      <Pager page={page} first={first} next={next} />
      <h2 id="create-organization" safe>
        {a.createOrganization}
      </h2>
      <AdminForm page={page} form="create-organization" action={pageHref(page, '/admin/organizations')} refused={create} submit={a.createOrganizationSubmit} describedByAlert>
        <div class="fields">
          <TextField page={page} form="create-organization" name="name" label={a.name} required refused={create} autocomplete="organization" />
          <TextField page={page} form="create-organization" name="corporateNumber" label={a.corporateNumber} hint={a.corporateNumberHint} refused={create} autocomplete="off" />
          <RoleChoices page={page} form="create-organization" legend={a.rolesLegend} roles={ORGANIZATION_ROLES} refused={create} />
        </div>
      </AdminForm>
    </Layout>
  ) as string;
}
