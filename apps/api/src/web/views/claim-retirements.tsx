import type { ClaimView } from '@registry/ledger';
import { Badge, groupDigits } from './components';
import { TableHead } from './table-head';

/** The words of the table, as each page's strings name them. */
export interface ClaimRetirementsWords {
  retirementsCaption: string;
  retirementsEmpty: string;
  certificate: string;
  retiredOn: string;
  serials: string;
  status: string;
  quantity: string;
  retirementStatus: Record<string, string>;
}

export interface ClaimRetirementsTableProps {
  retirements: ClaimView['retirements'];
  words: ClaimRetirementsWords;
  /** The table's own class, beside `stack`. */
  tableClass: string;
  /** Where a retirement certificate's number links to (its verify page). */
  certificateHref: (certificateNumber: string) => string;
  retiredOnClass?: string;
}

/** The retirements behind a claim (its applicant's page and its certifier's), or a line saying there are none. */
export function ClaimRetirementsTable({ retirements, words: w, tableClass, certificateHref, retiredOnClass }: ClaimRetirementsTableProps): JSX.Element {
  if (retirements.length === 0) return <p safe>{w.retirementsEmpty}</p>;
  return (
    <table class={`stack ${tableClass}`}>
      <caption safe>{w.retirementsCaption}</caption>
      <TableHead columns={[w.certificate, w.retiredOn, w.serials, w.status, { label: w.quantity, num: true }]} />
      <tbody>
        {retirements.map((retirement) => (
          <tr>
            <td data-label={w.certificate}>
              <a class="mono" href={certificateHref(retirement.certificateNumber)} safe>
                {retirement.certificateNumber}
              </a>
            </td>
            <td data-label={w.retiredOn} class={retiredOnClass} safe>
              {retirement.retiredOn}
            </td>
            <td data-label={w.serials} class="mono" safe>
              {retirement.serials.join(', ')}
            </td>
            <td data-label={w.status}>
              <Badge tone={retirement.status === 'active' ? 'ok' : 'bad'} label={w.retirementStatus[retirement.status] ?? retirement.status} />
            </td>
            <td data-label={w.quantity} class="num" safe>
              {groupDigits(retirement.quantity)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
