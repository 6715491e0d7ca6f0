import type { SerialCheckItem, StatusSegment } from '@registry/ledger';
import { pageHref, type PageContext } from '../http/page-context';
import { attributeText, Badge, CsrfField, FieldError, FieldsRefusedAlert, groupDigits, type Tone } from './components';
import { Layout } from './layout';
import { TableHead } from './table-head';
import { UploadField, UploadForm } from './upload-form';

export interface BulkCheckPageProps {
  page: PageContext;
  /** The largest list file, in KB, as shown. */
  limitKb: string;
  /** The serials as typed (shown back in the box). */
  pasted?: string;
  errors?: { serials?: string; list?: string };
  /** The check's answer, one item per serial in the list's order. */
  items?: SerialCheckItem[];
  /** The list the answer is for, for the CSV download's form. */
  serials?: string[];
}

const TONES: Record<string, Tone> = { retired: 'ok', held: 'warn', unknown: 'neutral' };

/** Whether a serial's range is not all one state and one holder: the reader should look at its parts. */
export function isSplit(item: SerialCheckItem): boolean {
  if ('error' in item) return false;
  return new Set(item.segments.map((s) => `${s.status}/${s.holderId ?? ''}/${s.retirementId ?? ''}`)).size > 1;
}

/** An auditor's bulk check: paste or upload a list, see each serial's segments (state, holder, retirement), download them as CSV. */
export function BulkCheckPage({ page, limitKb, pasted, errors = {}, items, serials }: BulkCheckPageProps): string {
  const { t } = page;
  const b = t.bulkCheck;
  const invalid = Boolean(errors.serials ?? errors.list);
  return (
    <Layout page={page} title={b.title}>
      <h1 safe>{b.title}</h1>
      <p class="lead" safe>
        {b.lead}
      </p>
      <FieldsRefusedAlert page={page} shown={invalid} />
      {items && serials ? <CheckResult page={page} items={items} serials={serials} /> : ''}
      <UploadForm page={page} formClass="bulk-check" action={pageHref(page, '/checks')} submit={b.submit}>
        <div class="field">
          <label for="serials" safe>
            {b.paste}
          </label>
          <textarea
            id="serials"
            name="serials"
            rows="8"
            spellcheck="false"
            aria-invalid={errors.serials ? 'true' : undefined}
            aria-describedby={errors.serials ? 'serials-hint serials-error' : 'serials-hint'}
            safe
          >
            {pasted ?? ''}
          </textarea>
          <p class="hint" id="serials-hint" safe>
            {b.pasteHint}
          </p>
          <FieldError id="serials-error" message={errors.serials} />
        </div>
        <UploadField name="list" label={b.file} accept=".csv,.txt,text/csv,text/plain" hint={b.fileHint(limitKb)} error={errors.list} />
      </UploadForm>
    </Layout>
  ) as string;
}

function CheckResult({ page, items, serials }: { page: PageContext; items: SerialCheckItem[]; serials: string[] }): JSX.Element {
  const b = page.t.bulkCheck;
  const count = (status: string) => String(items.filter((item) => !('error' in item) && item.segments.some((s) => s.status === status)).length);
  const unreadable = String(items.filter((item) => 'error' in item).length);
  return (
    <section aria-labelledby="result-h" class="check-result">
      <h2 id="result-h" safe>
        {b.resultTitle}
      </h2>
      <p role="status" class="check-summary" safe>
        {b.summary(groupDigits(String(items.length)), count('retired'), count('held'), count('unknown'), unreadable)}
      </p>
      <form method="post" action={pageHref(page, '/checks.csv')} class="check-csv">
        <CsrfField page={page} />
        <input type="hidden" name="serials" value={attributeText(serials.join('\n'))} />
        <button type="submit" safe>
          {b.csv}
        </button>
      </form>
      <table class="stack check-table">
        <caption safe>{b.caption}</caption>
        <TableHead columns={[b.serial, b.range, b.status, b.holder, b.retirement, b.retiredOn, b.beneficiary, b.conflicts]} />
        <tbody>
          {items.map((item) => (
            <ItemRows page={page} item={item} />
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** One serial's rows: a row per segment (the serial named on the first), or one row saying why it could not be read. */
function ItemRows({ page, item }: { page: PageContext; item: SerialCheckItem }): JSX.Element {
  const b = page.t.bulkCheck;
  if ('error' in item) {
    return (
      <tr class="check-error">
        <td data-label={b.serial} class="mono serials-cell" safe>
          {item.serial}
        </td>
        <td data-label={b.status} colspan="7">
          <Badge tone="bad" label={b.unreadable} />{' '}
          <span class="mono" safe>
            {item.error.code}
          </span>{' '}
          <span lang="en" safe>
            {item.error.message}
          </span>
        </td>
      </tr>
    );
  }
  const split = isSplit(item) ? b.split : '';
  return (
    <>
      {item.segments.map((segment, index) => (
        <SegmentRow page={page} serial={index === 0 ? item.serial : ''} note={index === 0 ? split : ''} segment={segment} />
      ))}
    </>
  );
}

function SegmentRow({ page, serial, note, segment }: { page: PageContext; serial: string; note: string; segment: StatusSegment }): JSX.Element {
  const b = page.t.bulkCheck;
  const range = `${segment.start}–${segment.end}`;
  const holder = segment.holderId ?? '';
  const retiredOn = segment.retiredOn ?? '';
  const beneficiary = segment.beneficiary ?? '';
  return (
    <tr>
      <td data-label={b.serial} class="mono serials-cell" safe>
        {serial}
      </td>
      <td data-label={b.range} class="mono num" safe>
        {range}
      </td>
      <td data-label={b.status}>
        <Badge tone={TONES[segment.status] ?? 'neutral'} label={page.t.serials.segment[segment.status] ?? segment.status} />
      </td>
      <td data-label={b.holder} class="mono serials-cell" safe>
        {holder}
      </td>
      <td data-label={b.retirement}>
        {segment.certificateNumber ? (
          <a class="mono" href={pageHref(page, `/verify/${encodeURIComponent(segment.certificateNumber)}`)} safe>
            {segment.certificateNumber}
          </a>
        ) : (
          ''
        )}
      </td>
      <td data-label={b.retiredOn} class="nowrap" safe>
        {retiredOn}
      </td>
      <td data-label={b.beneficiary} safe>
        {beneficiary}
      </td>
      <td data-label={b.conflicts} safe>
        {note}
      </td>
    </tr>
  );
}
