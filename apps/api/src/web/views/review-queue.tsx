import { todayInJapan } from '@registry/domain';
import { REVIEW_COUNT_CAP, REVIEW_STATES, type ReviewQueue } from '@registry/ledger';
import { pageHref, type PageContext } from '../http/page-context';
import { Badge, groupDigits, Pager, statusTone } from './components';
import { Layout } from './layout';
import { ListTable } from './list-table';

export interface ReviewQueuePageProps {
  page: PageContext;
  queue: ReviewQueue;
  first?: string;
  next?: string;
}

/** The claims assigned to the certifier's body, one state at a time, each state with its count. */
export function ReviewQueuePage({ page, queue, first, next }: ReviewQueuePageProps): string {
  const { t } = page;
  const r = t.review;
  const stateName = r.stateNames[queue.status] ?? queue.status;
  const count = (n: number) => r.count(n > REVIEW_COUNT_CAP ? `${REVIEW_COUNT_CAP}+` : String(n));
  return (
    <Layout page={page} title={r.title}>
      <h1 safe>{r.title}</h1>
      <p class="lead" safe>
        {r.lead}
      </p>
      <nav class="review-states" aria-label={r.states}>
        <ul>
          {REVIEW_STATES.map((state) => (
            <li>
              <a href={pageHref(page, '/review', { status: state })} aria-current={state === queue.status ? 'page' : undefined}>
                <span safe>{r.stateNames[state]}</span>{' '}
                <span class="count" safe>
                  {count(queue.counts[state])}
                </span>
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <ListTable
        items={queue.items}
        empty={r.empty}
        tableClass="review-queue"
        caption={r.caption(stateName)}
        columns={[r.subject, r.applicant, r.program, { label: r.requiredTonnes, num: true }, r.status, r.updatedAt]}
        row={(item) => (
          <tr>
            <td data-label={r.subject}>
              <a href={pageHref(page, `/review/${encodeURIComponent(item.id)}`)} safe>
                {item.subject ?? item.id}
              </a>
            </td>
            <td data-label={r.applicant} safe>
              {item.applicantName}
            </td>
            <td data-label={r.program} safe>
              {t.programs[item.type] ?? item.type}
            </td>
            <td data-label={r.requiredTonnes} class="num" safe>
              {t.common.tonnes(groupDigits(item.requiredTonnes))}
            </td>
            <td data-label={r.status}>
              <Badge tone={statusTone(item.status)} label={t.claimStatus[item.status] ?? item.status} />
            </td>
            <td data-label={r.updatedAt} class="nowrap" safe>
              {todayInJapan(new Date(item.updatedAt))}
            </td>
          </tr>
        )}
      />
      <Pager page={page} first={first} next={next} />
    </Layout>
  ) as string;
}
