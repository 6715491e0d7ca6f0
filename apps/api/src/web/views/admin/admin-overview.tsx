import { pageHref, type PageContext } from '../../http/page-context';
import { Layout } from '../layout';

/** The administrator's start page: what there is to manage. */
export function AdminOverviewPage({ page }: { page: PageContext }): string {
  const a = page.t.admin;
  return (
    <Layout page={page} title={a.overviewTitle}>
      <h1 safe>{a.overviewTitle}</h1>
      <p class="lead" safe>
        {a.overviewLead}
      </p>
      <ul class="links admin-links">
        <li>
          <a href={pageHref(page, '/admin/organizations')} safe>
            {a.organizationsLink}
          </a>
        </li>
        <li>
          <a href={`${pageHref(page, '/admin/organizations')}#create-organization`} safe>
            {a.createOrganizationLink}
          </a>
        </li>
      </ul>
    </Layout>
  ) as string;
}
