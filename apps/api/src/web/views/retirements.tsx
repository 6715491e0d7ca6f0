import { TABLE_CONTENT_TYPE } from '@registry/documents';
import type { RetirementView } from '@registry/ledger';
import { pageHref, type PageContext } from '../http/page-context';
import { Badge, groupDigits, Pager } from './components';
import { Layout } from './layout';
import { ListTable } from './list-table';

export interface RetirementsPageProps {
  page: PageContext;
  items: RetirementView[];
  first?: string;
  next?: string;
}

/** The organisation's retirements, newest first, a page at a time, with the whole list as CSV. */
export function RetirementsPage({ page, items, first, next }: RetirementsPageProps): string {
  const { t } = page;
  const r = t.retirements;
  return (
    <Layout page={page} title={r.title}>
      <h1 safe>{r.title}</h1>
      <p class="lead" safe>
        {r.lead}
      </p>
      <p>
        <a class="download" href={pageHref(page, '/retirements.csv')} type="text/csv" download="retirements.csv" safe>
          {r.csv}
        </a>{' '}
        <a class="download" href={pageHref(page, '/retirements.xlsx')} type={TABLE_CONTENT_TYPE.xlsx} download="retirements.xlsx" safe>
          {t.retirementPage.xlsx}
        </a>
      </p>
      <ListTable
        items={items}
        empty={r.empty}
        tableClass="retirements"
        caption={r.caption}
        columns={[r.retiredOn, r.certificate, r.serials, { label: r.quantity, num: true }, r.beneficiary, r.reference, r.status]}
        row={(item) => (
          <tr>
            <td data-label={r.retiredOn} class="nowrap">
              <a href={pageHref(page, `/retirements/${encodeURIComponent(item.id)}`)} safe>
                {item.retiredOn}
              </a>
            </td>
            <td data-label={r.certificate}>
              <a class="mono" href={`/verify/${encodeURIComponent(item.certificateNumber)}`} safe>
                {item.certificateNumber}
              </a>
            </td>
            <td data-label={r.serials} class="mono serials">
              {item.serials.map((serial) => (
                <span class="serial" safe>
                  {serial}
                </span>
              ))}
            </td>
            <td data-label={r.quantity} class="num" safe>
              {groupDigits(item.quantity)}
            </td>
            <td data-label={r.beneficiary} class="beneficiary" safe>
              {item.beneficiary}
            </td>
            <td data-label={r.reference} safe>
              {item.evidence ? `${item.evidence.registry} ${item.evidence.reference}` : t.common.pending}
            </td>
            <td data-label={r.status}>
              <Badge tone={item.status === 'active' ? 'ok' : 'bad'} label={r.statusNames[item.status] ?? item.status} />
            </td>
          </tr>
        )}
      />
      <Pager page={page} first={first} next={next} />
    </Layout>
  ) as string;
}
