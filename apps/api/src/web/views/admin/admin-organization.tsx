import type { ApiKeySummary } from '@registry/auth';
import type { Role } from '@registry/domain';
import type { OrganizationRecord, PersonSummary } from '@registry/ledger';
import type { RefusedForm } from '../../forms/refused-form';
import { pageHref, type PageContext } from '../../http/page-context';
import { RowActionForm } from '../components';
import { Layout } from '../layout';
import { ListTable } from '../list-table';
import { AdminForm, Instant, refusalOf, RoleChoices, TextField } from './admin-fields';

/** What a 303 after a successful form came back to say (`?done=`). */
export const ADMIN_NOTICES = ['created', 'renamed', 'person-created', 'revoked'] as const;
export type AdminNotice = (typeof ADMIN_NOTICES)[number];

export interface AdminOrganizationProps {
  page: PageContext;
  organization: OrganizationRecord;
  people: PersonSummary[];
  keys: ApiKeySummary[];
  notice?: AdminNotice;
  refused?: RefusedForm;
}

/** One organisation: its record, the rename form, its people (with password resets) and its API keys. */
export function AdminOrganizationPage({ page, organization, people, keys, notice, refused }: AdminOrganizationProps): string {
  const { t } = page;
  const a = t.admin;
  const base = `/admin/organizations/${encodeURIComponent(organization.id)}`;
  const notices: Record<AdminNotice, string> = { created: a.organizationCreated, renamed: a.renamed, 'person-created': a.personCreatedTitle, revoked: a.revoked };
  const personRoles: Role[] = [...organization.roles, 'admin'];
  const rename = refusalOf(refused, 'rename');
  const person = refusalOf(refused, 'create-person');
  const key = refusalOf(refused, 'create-key');
  return (
    <Layout page={page} title={a.organizationTitle(organization.name)}>
      <p class="breadcrumb">
        <a href={pageHref(page, '/admin/organizations')} safe>
          {a.organizationsLink}
        </a>
      </p>
      <h1 safe>{a.organizationTitle(organization.name)}</h1>
      {notice ? (
        <p class="alert ok" role="status" safe>
          {notices[notice]}
        </p>
      ) : (
        ''
      )}
      <h2 safe>{a.details}</h2>
      <dl class="fields-list">
        <dt safe>{a.id}</dt>
        <dd class="mono" safe>
          {organization.id}
        </dd>
        <dt safe>{a.corporateNumber}</dt>
        <dd class="mono" safe>
          {organization.corporateNumber ?? a.never}
        </dd>
        <dt safe>{a.roles}</dt>
        <dd safe>{organization.roles.length === 0 ? a.noRoles : organization.roles.map((role) => t.roleNames[role] ?? role).join(a.listSeparator)}</dd>
        <dt safe>{a.createdAt}</dt>
        <dd>
          <Instant at={organization.createdAt} none={a.never} />
        </dd>
      </dl>

      <h2 id="rename" safe>
        {a.rename}
      </h2>
      <AdminForm page={page} form="rename" action={pageHref(page, `${base}/rename`)} refused={rename} submit={a.renameSubmit}>
        <TextField page={page} form="rename" name="name" label={a.name} hint={a.renameHint} required refused={rename} initial={organization.name} autocomplete="organization" />
      </AdminForm>

      <h2 id="people" safe>
        {a.people}
      </h2>
      <ListTable
        items={people}
        empty={a.noPeople}
        tableClass="people"
        caption={a.peopleCaption}
        columns={[a.email, a.roles, a.status, a.createdAt, a.resetPassword]}
        row={(p) => (
          <tr>
            <td data-label={a.email} class="email" safe>
              {p.email}
            </td>
            <td data-label={a.roles} safe>
              {p.roles.length === 0 ? a.noRoles : p.roles.map((role) => t.roleNames[role] ?? role).join(a.listSeparator)}
            </td>
            <td data-label={a.status} safe>
              {p.disabledAt ? a.disabled : a.active}
            </td>
            <td data-label={a.createdAt}>
              <Instant at={p.createdAt} none={a.never} />
            </td>
            <td data-label={a.resetPassword}>
              <RowActionForm page={page} class="inline" action={pageHref(page, `/admin/people/${encodeURIComponent(p.id)}/reset-password`)} label={a.resetPasswordLabel(p.email)} text={a.resetPasswordSubmit} />
            </td>
          </tr>
        )}
      />
      <h3 id="create-person" safe>
        {a.createPerson}
      </h3>
      <AdminForm page={page} form="create-person" action={pageHref(page, `${base}/people`)} refused={person} submit={a.createPersonSubmit}>
        <div class="fields">
          <TextField page={page} form="create-person" name="email" type="email" label={a.email} required refused={person} autocomplete="off" />
          <TextField page={page} form="create-person" name="password" type="password" label={a.initialPassword} hint={a.initialPasswordHint} refused={person} autocomplete="new-password" />
          <RoleChoices page={page} form="create-person" legend={a.personRolesLegend} roles={personRoles} refused={person} />
        </div>
      </AdminForm>

      <h2 id="keys" safe>
        {a.keys}
      </h2>
      <ListTable
        items={keys}
        empty={a.noKeys}
        tableClass="keys"
        caption={a.keysCaption}
        columns={[a.prefix, a.label, a.createdAt, a.lastUsedAt, a.expiresAt, a.revokedAt]}
        row={(k) => (
          <tr>
            <td data-label={a.prefix} class="mono" safe>
              {k.prefix}
            </td>
            <td data-label={a.label} safe>
              {k.label ?? a.never}
            </td>
            <td data-label={a.createdAt}>
              <Instant at={k.createdAt} none={a.never} />
            </td>
            <td data-label={a.lastUsedAt}>
              <Instant at={k.lastUsedAt} none={a.never} />
            </td>
            <td data-label={a.expiresAt}>
              <Instant at={k.expiresAt} none={a.never} />
            </td>
            <td data-label={a.revokedAt}>
              {k.revokedAt ? (
                <Instant at={k.revokedAt} none={a.never} />
              ) : (
                <RowActionForm page={page} class="inline" action={pageHref(page, `${base}/keys/${encodeURIComponent(k.id)}/revoke`)} label={a.revokeLabel(k.prefix)} text={a.revoke} />
              )}
            </td>
          </tr>
        )}
      />
      <h3 id="create-key" safe>
        {a.createKey}
      </h3>
      <AdminForm page={page} form="create-key" action={pageHref(page, `${base}/keys`)} refused={key} submit={a.createKeySubmit}>
        <div class="fields">
          <TextField page={page} form="create-key" name="label" label={a.label} refused={key} autocomplete="off" />
          <TextField page={page} form="create-key" name="expiresAt" label={a.expiresAt} hint={a.expiresAtHint} refused={key} autocomplete="off" />
        </div>
      </AdminForm>
    </Layout>
  ) as string;
}
