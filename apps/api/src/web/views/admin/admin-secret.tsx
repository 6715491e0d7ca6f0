import { pageHref, type PageContext } from '../../http/page-context';
import { Layout } from '../layout';

export interface AdminSecretProps {
  page: PageContext;
  title: string;
  /** Why it is shown only now. */
  warning: string;
  /** What the secret is (an API key, a password). */
  label: string;
  secret: string;
  /** Who it belongs to (an email, an organisation). */
  about?: string;
  lead?: string;
  organizationId: string;
}

/**
 * The answer to a form that made a secret: shown on this page once (sent no-store) and never
 * again, since only its digest or hash is kept.
 */
export function AdminSecretPage({ page, title, warning, label, secret, about, lead, organizationId }: AdminSecretProps): string {
  const a = page.t.admin;
  return (
    <Layout page={page} title={title}>
      <h1 safe>{title}</h1>
      {lead ? (
        <p class="lead" safe>
          {lead}
        </p>
      ) : (
        ''
      )}
      <p class="alert warn" role="status" safe>
        {warning}
      </p>
      <dl class="fields-list secret">
        {about ? (
          <>
            <dt safe>{a.email}</dt>
            <dd class="email" safe>
              {about}
            </dd>
          </>
        ) : (
          ''
        )}
        <dt safe>{label}</dt>
        <dd>
          <output class="mono secret-value" safe>
            {secret}
          </output>
        </dd>
      </dl>
      <p>
        <a href={pageHref(page, `/admin/organizations/${encodeURIComponent(organizationId)}`)} safe>
          {a.backToOrganization}
        </a>
      </p>
    </Layout>
  ) as string;
}
