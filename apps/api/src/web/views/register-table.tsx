import type { RegisterEntry } from '@registry/ledger';
import { pageHref, type PageContext } from '../http/page-context';
import { Badge, groupDigits, statusTone } from './components';
import { TableHead } from './table-head';

/** What the claim is about: its boundary (CN, CN plans) or its product (CFP). */
export function subjectOf(entry: RegisterEntry): string {
  const disclosure = entry.disclosure as { boundary?: unknown; product?: { name?: unknown } };
  if (typeof disclosure.boundary === 'string') return disclosure.boundary;
  return typeof disclosure.product?.name === 'string' ? disclosure.product.name : '';
}

export function validityOf(entry: Pick<RegisterEntry, 'validFrom' | 'validTo'>): string {
  return entry.validFrom || entry.validTo ? `${entry.validFrom ?? ''} – ${entry.validTo ?? ''}` : '';
}

/** A validity period that breaks only between its two dates. */
export function Validity({ from, to }: { from: string | null; to: string | null }): JSX.Element {
  if (!from && !to) return '';
  return (
    <>
      <span class="nowrap" safe>{`${from ?? ''} –`}</span> <span class="nowrap" safe>{to ?? ''}</span>
    </>
  );
}

export function claimHref(page: PageContext, certificationNumber: string): string {
  return pageHref(page, `/register/${encodeURIComponent(certificationNumber)}`);
}

/** Certified claims, one row each; on a narrow screen one block per claim with the column names. */
export function RegisterTable({ page, entries, caption }: { page: PageContext; entries: RegisterEntry[]; caption: string }): JSX.Element {
  const { t } = page;
  const r = t.register;
  return (
    <table class="stack register">
      <caption safe>{caption}</caption>
      <TableHead columns={[r.number, r.type, r.holder, r.subject, r.certifiedOn, r.validity, r.status, { label: r.tonnes, num: true }]} />
      <tbody>
        {entries.map((entry) => (
          <tr>
            <td data-label={r.number}>
              <a class="mono" href={claimHref(page, entry.certificationNumber)} safe>
                {entry.certificationNumber}
              </a>
            </td>
            <td data-label={r.type} safe>
              {t.programs[entry.type] ?? entry.type}
            </td>
            <td data-label={r.holder} class="holder" safe>
              {entry.holder.name}
            </td>
            <td data-label={r.subject} class="subject" safe>
              {subjectOf(entry)}
            </td>
            <td data-label={r.certifiedOn} class="nowrap" safe>
              {entry.certifiedOn ?? ''}
            </td>
            <td data-label={r.validity}>
              <Validity from={entry.validFrom} to={entry.validTo} />
            </td>
            <td data-label={r.status}>
              <Badge tone={statusTone(entry.status)} label={t.claimStatus[entry.status] ?? entry.status} />
            </td>
            <td data-label={r.tonnes} class="num" safe>
              {`${groupDigits(entry.retiredTonnes)} / ${groupDigits(entry.requiredTonnes)}`}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
