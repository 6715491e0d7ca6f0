import type { ImportSummary, RefusedRowRecord } from '@registry/ledger';
import { pageHref, type PageContext } from '../http/page-context';
import { Badge, groupDigits } from './components';
import { ImportStateBadge, startedAt } from './imports-list';
import { Layout } from './layout';

export interface ImportProgressPageProps {
  page: PageContext;
  item: ImportSummary;
  /** A page of refused rows, once the import has ended. */
  refused?: { rows: RefusedRowRecord[]; first?: string; next?: string };
  /** The reader turned the automatic refresh off (WCAG 2.2.1: a time-based change the reader can stop). */
  refreshOff?: boolean;
}

/** Whether the import may still change: the page refreshes itself (no script) until it has not. */
export function importRunning(item: Pick<ImportSummary, 'status'>): boolean {
  return item.status === 'queued' || item.status === 'running';
}

/** One import: its state and counts while it runs (refreshing every 2 s), then its refused rows a page at a time. */
export function ImportProgressPage({ page, item, refused, refreshOff = false }: ImportProgressPageProps): string {
  const i = page.t.imports;
  const running = importRunning(item);
  const path = `/imports/${item.id}`;
  const message = item.status === 'queued' ? i.waiting : item.status === 'running' ? i.running : item.status === 'done' ? i.done : i.failed;
  return (
    <Layout page={page} title={i.progressTitle} refreshSeconds={running && !refreshOff ? 2 : undefined}>
      <h1 safe>{i.progressTitle}</h1>
      <p class={item.status === 'failed' ? 'alert' : item.status === 'done' ? 'alert ok' : 'lead'} role="status" safe>
        {running && refreshOff ? i.refreshStopped : message}
      </p>
      {running ? (
        <p class="refresh-control">
          {refreshOff ? (
            <a href={pageHref(page, path)} safe>
              {i.showLatest}
            </a>
          ) : (
            <a href={pageHref(page, path, { refresh: 'off' })} safe>
              {i.stopRefresh}
            </a>
          )}
        </p>
      ) : (
        ''
      )}
      {item.error ? (
        <p class="note import-error">
          <span safe>{i.reason}</span>: <span lang="en" safe>{item.error}</span>
        </p>
      ) : (
        ''
      )}
      <label for="import-progress" class="visually-hidden" safe>
        {i.progressLabel}
      </label>
      {running ? <progress id="import-progress"></progress> : <progress id="import-progress" max="1" value="1"></progress>}
      <dl class="fields-list import-counts">
        <dt safe>{i.state}</dt>
        <dd>
          <ImportStateBadge page={page} status={item.status} /> {item.dryRun ? <Badge tone="neutral" label={i.dryRun} /> : ''}
        </dd>
        <dt safe>{i.startedAt}</dt>
        <dd>
          <time datetime={item.createdAt} safe>
            {startedAt(item.createdAt)}
          </time>
        </dd>
        <dt safe>{i.format}</dt>
        <dd class="mono" safe>
          {item.format ?? i.formatDetected}
        </dd>
        <dt safe>{i.rowsRead}</dt>
        <dd class="count-total" safe>
          {groupDigits(String(item.total))}
        </dd>
        <dt safe>{i.accepted}</dt>
        <dd class="count-accepted" safe>
          {groupDigits(String(item.accepted))}
        </dd>
        <dt safe>{i.skipped}</dt>
        <dd class="count-skipped" safe>
          {groupDigits(String(item.skipped))}
        </dd>
        <dt safe>{i.refused}</dt>
        <dd class="count-refused" safe>
          {groupDigits(String(item.refused))}
        </dd>
      </dl>
      {refused ? <RefusedRows page={page} item={item} refused={refused} /> : ''}
      <p>
        <a href={pageHref(page, '/imports')} safe>
          {i.backToList}
        </a>
      </p>
    </Layout>
  ) as string;
}

function RefusedRows({ page, item, refused }: { page: PageContext; item: ImportSummary; refused: NonNullable<ImportProgressPageProps['refused']> }): JSX.Element {
  const i = page.t.imports;
  if (item.refused === 0) {
    return item.status === 'done' ? (
      <p class="empty" safe>
        {i.noneRefused}
      </p>
    ) : (
      ''
    );
  }
  return (
    <section aria-labelledby="refused-h">
      <h2 id="refused-h" safe>
        {i.refusedTitle}
      </h2>
      <p>
        <a class="download" href={pageHref(page, `/imports/${item.id}/refused.csv`)} type="text/csv" download={`import-${item.id}-refused.csv`} safe>
          {i.refusedCsv}
        </a>
      </p>
      <table class="stack refused-rows">
        <caption safe>{i.refusedCaption}</caption>
        <thead>
          <tr>
            <th scope="col" class="num" safe>
              {i.row}
            </th>
            <th scope="col" safe>
              {i.serial}
            </th>
            <th scope="col" safe>
              {i.code}
            </th>
            <th scope="col" safe>
              {i.message}
            </th>
          </tr>
        </thead>
        <tbody>
          {refused.rows.map((row) => (
            <tr>
              <td data-label={i.row} class="num" safe>
                {String(row.row)}
              </td>
              <td data-label={i.serial} class="mono serials-cell" safe>
                {row.serial}
              </td>
              <td data-label={i.code} class="mono" safe>
                {row.code}
              </td>
              <td data-label={i.message} lang="en" safe>
                {row.message}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {refused.first || refused.next ? (
        <nav class="pager" aria-label={page.t.common.pagination}>
          <ul>
            {refused.first ? (
              <li>
                <a href={refused.first} safe>
                  {i.firstRows}
                </a>
              </li>
            ) : (
              ''
            )}
            {refused.next ? (
              <li>
                <a href={refused.next} rel="next" safe>
                  {i.nextRows}
                </a>
              </li>
            ) : (
              ''
            )}
          </ul>
        </nav>
      ) : (
        ''
      )}
    </section>
  );
}
