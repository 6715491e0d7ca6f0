import type { HoldingsPage } from '@registry/ledger';
import { pageHref, type PageContext } from '../http/page-context';
import { groupDigits, Pager } from './components';
import { Layout } from './layout';

export interface HoldingsPageProps {
  page: PageContext;
  holdings: HoldingsPage;
  first?: string;
  next?: string;
}

/** A provider's held blocks with totals per scheme (over every held block, not only this page). */
export function HoldingsPageView({ page, holdings, first, next }: HoldingsPageProps): string {
  const { t } = page;
  const h = t.holdings;
  return (
    <Layout page={page} title={h.title}>
      <h1 safe>{h.title}</h1>
      <p class="lead" safe>
        {h.lead}
      </p>
      <p>
        <a class="action-link" href={pageHref(page, '/retire')} safe>
          {t.retire.fromHoldings}
          </a>{' · '}
        <a class="imports-link" href={pageHref(page, '/imports')} safe>
          {t.imports.holdingsLink}
        </a>
      </p>
      {holdings.totals.length === 0 ? (
        <p class="empty" safe>
          {h.empty}
        </p>
      ) : (
        <>
          <table class="stack totals">
            <caption safe>{h.totalsCaption}</caption>
            <thead>
              <tr>
                <th scope="col" safe>
                  {h.scheme}
                </th>
                <th scope="col" class="num" safe>
                  {h.blocks}
                </th>
                <th scope="col" class="num" safe>
                  {h.quantity}
                </th>
              </tr>
            </thead>
            <tbody>
              {holdings.totals.map((total) => (
                <tr>
                  <th scope="row" data-label={h.scheme} class="mono">
                    {total.scheme}
                  </th>
                  <td data-label={h.blocks} class="num" safe>
                    {groupDigits(String(total.blocks))}
                  </td>
                  <td data-label={h.quantity} class="num" safe>
                    {groupDigits(total.quantity)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <table class="stack holdings">
            <caption safe>{h.caption}</caption>
            <thead>
              <tr>
                <th scope="col" safe>
                  {h.serial}
                </th>
                <th scope="col" safe>
                  {h.scheme}
                </th>
                <th scope="col" class="num" safe>
                  {h.quantity}
                </th>
              </tr>
            </thead>
            <tbody>
              {holdings.items.map((block) => (
                <tr>
                  <td data-label={h.serial} class="mono serial" safe>
                    {block.serial}
                  </td>
                  <td data-label={h.scheme} class="mono" safe>
                    {block.scheme}
                  </td>
                  <td data-label={h.quantity} class="num" safe>
                    {groupDigits(block.quantity)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <Pager page={page} first={first} next={next} />
    </Layout>
  ) as string;
}
