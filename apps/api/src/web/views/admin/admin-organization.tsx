import type { ApiKeySummary } from '@registry/auth';
import type { Role } from '@registry/domain';
import type { OrganizationRecord, PersonSummary } from '@registry/ledger';
import type { RefusedForm } from '../../forms/refused-form';
import { pageHref, type PageContext } from '../../http/page-context';
import { Layout } from '../layout';
import { CsrfField, FormAlert, Instant, refusalOf, RoleChoices, TextField } from './admin-fields';

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
      <form class="admin-form" method="post" action={pageHref(page, `${base}/rename`)}>
        <CsrfField page={page} />
        <FormAlert page={page} refused={rename} id="rename-alert" />
        <TextField page={page} form="rename" name="name" label={a.name} hint={a.renameHint} required refused={rename} initial={organization.name} autocomplete="organization" />
        <div class="actions">
          <button type="submit" safe>
            {a.renameSubmit}
          </button>
        </div>
      </form>

      <h2 id="people" safe>
        {a.people}
      </h2>
      {people.length === 0 ? (
        <p class="empty" safe>
          {a.noPeople}
        </p>
      ) : (
        <table class="stack people">
          <caption safe>{a.peopleCaption}</caption>
          <thead>
            <tr>
              <th scope="col" safe>
                {a.email}
              </th>
              <th scope="col" safe>
                {a.roles}
              </th>
              <th scope="col" safe>
                {a.status}
              </th>
              <th scope="col" safe>
                {a.createdAt}
              </th>
              <th scope="col" safe>
                {a.resetPassword}
              </th>
            </tr>
          </thead>
          <tbody>
            {people.map((p) => (
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
                  <form class="inline" method="post" action={pageHref(page, `/admin/people/${encodeURIComponent(p.id)}/reset-password`)}>
                    <CsrfField page={page} />
                    <button type="submit" class="secondary" aria-label={a.resetPasswordLabel(p.email)} safe>
                      {a.resetPasswordSubmit}
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3 id="create-person" safe>
        {a.createPerson}
      </h3>
      <form class="admin-form" method="post" action={pageHref(page, `${base}/people`)}>
        <CsrfField page={page} />
        <FormAlert page={page} refused={person} id="create-person-alert" />
        <div class="fields">
          <TextField page={page} form="create-person" name="email" type="email" label={a.email} required refused={person} autocomplete="off" />
          <TextField page={page} form="create-person" name="password" type="password" label={a.initialPassword} hint={a.initialPasswordHint} refused={person} autocomplete="new-password" />
          <RoleChoices page={page} form="create-person" legend={a.personRolesLegend} roles={personRoles} refused={person} />
        </div>
        <div class="actions">
          <button type="submit" safe>
            {a.createPersonSubmit}
          </button>
        </div>
      </form>

      <h2 id="keys" safe>
        {a.keys}
      </h2>
      {keys.length === 0 ? (
        <p class="empty" safe>
          {a.noKeys}
        </p>
      ) : (
        <table class="stack keys">
          <caption safe>{a.keysCaption}</caption>
          <thead>
            <tr>
              <th scope="col" safe>
                {a.prefix}
              </th>
              <th scope="col" safe>
                {a.label}
              </th>
              <th scope="col" safe>
                {a.createdAt}
              </th>
              <th scope="col" safe>
                {a.lastUsedAt}
              </th>
              <th scope="col" safe>
                {a.expiresAt}
              </th>
              <th scope="col" safe>
                {a.revokedAt}
              </th>
            </tr>
          </thead>
          <tbody>
            {keys.map((k) => (
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
                    <form class="inline" method="post" action={pageHref(page, `${base}/keys/${encodeURIComponent(k.id)}/revoke`)}>
                      <CsrfField page={page} />
                      <button type="submit" class="secondary" aria-label={a.revokeLabel(k.prefix)} safe>
                        {a.revoke}
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3 id="create-key" safe>
        {a.createKey}
      </h3>
      <form class="admin-form" method="post" action={pageHref(page, `${base}/keys`)}>
        <CsrfField page={page} />
        <FormAlert page={page} refused={key} id="create-key-alert" />
        <div class="fields">
          <TextField page={page} form="create-key" name="label" label={a.label} refused={key} autocomplete="off" />
          <TextField page={page} form="create-key" name="expiresAt" label={a.expiresAt} hint={a.expiresAtHint} refused={key} autocomplete="off" />
        </div>
        <div class="actions">
          <button type="submit" safe>
            {a.createKeySubmit}
          </button>
        </div>
      </form>
    </Layout>
  ) as string;
}
