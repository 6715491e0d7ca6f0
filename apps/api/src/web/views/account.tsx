import type { Role } from '@registry/domain';
import { pageHref, type PageContext } from '../http/page-context';
import { Layout } from './layout';

export interface AccountPageProps {
  page: PageContext;
  email: string;
  organization: { id: string; name: string };
  /** The roles the person acts with today (theirs that the organisation still holds), admin included. */
  roles: Role[];
  sessionEndsAt: string;
}

/** The signed-in pages, by the role that opens them (the web session guard checks the same roles). */
export const ROLE_PAGES: readonly { path: string; roles: readonly Role[]; label: 'holdings' | 'retire' | 'imports' | 'retirements' | 'ledger' | 'checks' | 'claims' | 'verifications' | 'review' | 'admin' }[] = [
  { path: '/holdings', roles: ['provider'], label: 'holdings' },
  { path: '/retire', roles: ['provider'], label: 'retire' },
  { path: '/imports', roles: ['provider'], label: 'imports' },
  { path: '/retirements', roles: ['provider', 'applicant'], label: 'retirements' },
  { path: '/ledger', roles: ['auditor'], label: 'ledger' },
  { path: '/checks', roles: ['auditor'], label: 'checks' },
  { path: '/claims', roles: ['applicant'], label: 'claims' },
  { path: '/verifications', roles: ['verifier'], label: 'verifications' },
  { path: '/review', roles: ['certifier'], label: 'review' },
  { path: '/admin', roles: ['admin'], label: 'admin' },
];

/** Who is signed in, for which organisation, in which roles, and the pages those roles open. */
export function AccountPage({ page, email, organization, roles, sessionEndsAt }: AccountPageProps): string {
  const { t } = page;
  const a = t.accountPage;
  const links = ROLE_PAGES.filter((entry) => entry.roles.some((role) => roles.includes(role)));
  return (
    <Layout page={page} title={a.title}>
      <h1 safe>{a.title}</h1>
      <p class="lead" safe>
        {a.lead}
      </p>
      <dl class="fields-list account-fields">
        <dt safe>{a.email}</dt>
        <dd class="email" safe>
          {email}
        </dd>
        <dt safe>{a.organization}</dt>
        <dd class="organization" safe>
          {organization.name}
        </dd>
        <dt safe>{a.organizationId}</dt>
        <dd class="mono organization-id" safe>
          {organization.id}
        </dd>
        <dt safe>{a.roles}</dt>
        <dd class="roles">
          <ul>
            {roles.map((role) => (
              <li data-role={role} safe>
                {t.roleNames[role] ?? role}
              </li>
            ))}
          </ul>
        </dd>
        <dt safe>{a.sessionEnds}</dt>
        <dd>
          <time datetime={sessionEndsAt} safe>
            {sessionEndsAt.replace('T', ' ').replace(/\.\d+Z$/, ' UTC')}
          </time>
        </dd>
      </dl>
      <h2 safe>{a.links}</h2>
      {links.length > 0 ? (
        <ul class="links role-links">
          {links.map((entry) => (
            <li>
              <a href={pageHref(page, entry.path)} safe>
                {a[entry.label]}
              </a>
            </li>
          ))}
        </ul>
      ) : (
        <p safe>{a.noLinks}</p>
      )}
    </Layout>
  ) as string;
}
