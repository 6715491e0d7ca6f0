import type { ClaimSummary, ClaimView } from '@registry/ledger';
import { pageHref, type PageContext } from '../http/page-context';
import { Badge, Pager, statusTone } from './components';
import { Coverage } from './claim-parts';
import { Layout } from './layout';
import { ListTable } from './list-table';

export interface MyClaimsPageProps {
  page: PageContext;
  /** Each claim of the page with its verdict (coverage), read through GET /v1/claims/{id}'s query. */
  claims: { summary: ClaimSummary; view: ClaimView }[];
  first?: string;
  next?: string;
}

/** The applicant's claims, newest first, each with its coverage bar and a link to its page. */
export function MyClaimsPage({ page, claims, first, next }: MyClaimsPageProps): string {
  const { t } = page;
  const c = t.myClaims;
  return (
    <Layout page={page} title={c.title}>
      <h1 safe>{c.title}</h1>
      <p class="lead" safe>
        {c.lead}
      </p>
      <p>
        <a class="button-link" href={pageHref(page, '/claims/new')} safe>
          {c.newClaim}
        </a>
      </p>
      <ListTable
        items={claims}
        empty={c.empty}
        tableClass="my-claims"
        caption={c.caption}
        columns={[c.subject, c.program, c.status, c.coverage]}
        row={({ summary, view }) => (
          <tr data-claim={summary.id}>
            <td data-label={c.subject}>
              <a href={pageHref(page, `/claims/${summary.id}`)} safe>
                {summary.subject ?? summary.id}
              </a>
            </td>
            <td data-label={c.program} safe>
              {t.programs[summary.type] ?? summary.type}
            </td>
            <td data-label={c.status}>
              <Badge tone={statusTone(summary.status)} label={t.claimStatus[summary.status] ?? summary.status} />
            </td>
            <td data-label={c.coverage}>
              <Coverage page={page} id={summary.id} eligible={view.eligibleTonnes} required={view.requiredTonnes} covered={view.covered} />
            </td>
          </tr>
        )}
      />
      <Pager page={page} first={first} next={next} />
    </Layout>
  ) as string;
}
