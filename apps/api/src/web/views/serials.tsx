import type { SerialStatus } from '@registry/ledger';
import { pageHref, type PageContext } from '../http/page-context';
import { Badge, groupDigits, Pager, type Tone } from './components';
import { Layout } from './layout';
import { SearchForm } from './search-card';

export interface SerialPageProps {
  page: PageContext;
  /** What was asked, shown back in the form. */
  serial?: string;
  status?: SerialStatus;
  /** This page's cursor, when it is not the first page. */
  cursor?: string;
  /** Why the serial (or the page cursor) could not be read; the domain's detail is in English. */
  error?: { field: 'serial' | 'cursor'; detail: string };
  pageSize: number;
}

const SEGMENT_TONES: Record<string, Tone> = { retired: 'ok', held: 'warn', unknown: 'neutral' };

const rangeSize = (start: string, end: string) => String(BigInt(end) - BigInt(start) + 1n);

/** Serial search: the asked range cut into segments (retired, held, not recorded), a page at a time. */
export function SerialPage({ page, serial, status, cursor, error, pageSize }: SerialPageProps): string {
  const { t } = page;
  const s = t.serials;
  const serialError = error ? (error.field === 'serial' ? `${s.invalidSerial}: ${error.detail}` : s.invalidCursor) : undefined;
  return (
    <Layout page={page} title={status ? s.resultTitle(status.serial) : s.title} nav="serials">
      <h1 id="serials-h" safe>
        {s.title}
      </h1>
      <p class="lead" safe>
        {s.lead}
      </p>
      <SearchForm page={page} action="/serials" id="serial" name="serial" label={s.serial} hint={s.serialHint} code value={serial} error={serialError} labelledBy="serials-h" />
      {error?.field === 'cursor' && serial ? (
        <p>
          <a href={pageHref(page, '/serials', { serial })} safe>
            {t.common.firstPage}
          </a>
        </p>
      ) : (
        ''
      )}
      {status ? <SerialResult page={page} status={status} cursor={cursor} pageSize={pageSize} /> : ''}
    </Layout>
  ) as string;
}

function SerialResult({ page, status, cursor, pageSize }: { page: PageContext; status: SerialStatus; cursor?: string; pageSize: number }): JSX.Element {
  const s = page.t.serials;
  return (
    <section aria-labelledby="result-h">
      <h2 id="result-h" class="mono" safe>
        {s.resultTitle(status.serial)}
      </h2>
      <dl class="fields-list">
        <dt safe>{s.scheme}</dt>
        <dd safe>{status.scheme}</dd>
        <dt safe>{s.namespace}</dt>
        <dd class="mono" safe>
          {status.namespace}
        </dd>
        <dt safe>{s.range}</dt>
        <dd class="mono" safe>
          {`${status.start} – ${status.end} (${groupDigits(rangeSize(status.start, status.end))})`}
        </dd>
      </dl>
      <table class="stack segments">
        <caption safe>{s.caption}</caption>
        <thead>
          <tr>
            <th scope="col" safe>
              {s.range}
            </th>
            <th scope="col" class="num" safe>
              {s.units}
            </th>
            {[s.status, s.certificate, s.beneficiary, s.retiredOn].map((label) => (
              <th scope="col" safe>
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {status.segments.map((segment) => (
            <tr class={`segment segment-${segment.status}`}>
              <td data-label={s.range} class="mono" safe>
                {`${segment.start} – ${segment.end}`}
              </td>
              <td data-label={s.units} class="num" safe>
                {groupDigits(rangeSize(segment.start, segment.end))}
              </td>
              <td data-label={s.status}>
                <Badge tone={SEGMENT_TONES[segment.status] ?? 'neutral'} label={s.segment[segment.status] ?? segment.status} />
              </td>
              <td data-label={s.certificate}>
                {segment.certificateNumber ? (
                  <a class="mono" href={`/verify/${encodeURIComponent(segment.certificateNumber)}?lang=${page.lang}`} safe>
                    {segment.certificateNumber}
                  </a>
                ) : (
                  ''
                )}
              </td>
              <td data-label={s.beneficiary} class="beneficiary" safe>
                {segment.beneficiary ?? ''}
              </td>
              <td data-label={s.retiredOn} safe>
                {segment.retiredOn ?? ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager
        page={page}
        first={cursor ? pageHref(page, '/serials', { serial: status.serial }) : undefined}
        next={status.nextCursor ? pageHref(page, '/serials', { serial: status.serial, cursor: status.nextCursor }) : undefined}
      />
      <p class="note" safe>
        {`${s.unknownNote} ${s.pageNote(groupDigits(String(pageSize)))}`}
      </p>
    </section>
  );
}
