import type { ImportSummary } from '@registry/ledger';
import { pageHref, type PageContext } from '../http/page-context';
import { Badge, groupDigits, Pager, type Tone } from './components';
import { Layout } from './layout';
import { ListTable } from './list-table';

export interface ImportsListPageProps {
  page: PageContext;
  items: ImportSummary[];
  first?: string;
  next?: string;
}

const TONES: Record<string, Tone> = { done: 'ok', failed: 'bad', running: 'warn', queued: 'neutral' };

/** An import's state in words. */
export function ImportStateBadge({ page, status }: { page: PageContext; status: string }): JSX.Element {
  return <Badge tone={TONES[status] ?? 'neutral'} label={page.t.imports.statusNames[status] ?? status} />;
}

/** When an import started, as `YYYY-MM-DD HH:MM UTC` (no script to turn it into local time). */
export function startedAt(instant: string): string {
  return instant.replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, ' UTC');
}

/** The organisation's imports, newest first, with their state and counts. */
export function ImportsListPage({ page, items, first, next }: ImportsListPageProps): string {
  const i = page.t.imports;
  return (
    <Layout page={page} title={i.title}>
      <h1 safe>{i.title}</h1>
      <p class="lead" safe>
        {i.lead}
      </p>
      <p>
        <a class="new-import" href={pageHref(page, '/imports/new')} safe>
          {i.newLink}
        </a>
      </p>
      <ListTable
        items={items}
        empty={i.empty}
        tableClass="imports"
        caption={i.caption}
        columns={[i.startedAt, i.state, i.format, { label: i.rowsRead, num: true }, { label: i.accepted, num: true }, { label: i.skipped, num: true }, { label: i.refused, num: true }]}
        row={(item) => (
          <tr>
            <td data-label={i.startedAt} class="nowrap">
              <a href={pageHref(page, `/imports/${item.id}`)}>
                <time datetime={item.createdAt} safe>
                  {startedAt(item.createdAt)}
                </time>
              </a>
            </td>
            <td data-label={i.state}>
              <ImportStateBadge page={page} status={item.status} /> {item.dryRun ? <Badge tone="neutral" label={i.dryRun} /> : ''}
            </td>
            <td data-label={i.format} class="mono" safe>
              {item.format ?? i.formatDetected}
            </td>
            <td data-label={i.rowsRead} class="num" safe>
              {groupDigits(String(item.total))}
            </td>
            <td data-label={i.accepted} class="num" safe>
              {groupDigits(String(item.accepted))}
            </td>
            <td data-label={i.skipped} class="num" safe>
              {groupDigits(String(item.skipped))}
            </td>
            <td data-label={i.refused} class="num" safe>
              {groupDigits(String(item.refused))}
            </td>
          </tr>
        )}
      />
      <Pager page={page} first={first} next={next} />
    </Layout>
  ) as string;
}
