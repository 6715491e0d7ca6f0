import type { RegisterClaim, RegisterCredit } from '@registry/ledger';
import type { PageContext } from '../http/page-context';
import { Badge, groupDigits, statusTone } from './components';
import { Layout } from './layout';
import { subjectOf, validityOf } from './register-table';
import { TableHead } from './table-head';

interface Period {
  start?: string;
  end?: string;
}

export interface ClaimPageProps {
  page: PageContext;
  claim: RegisterClaim;
  /** The claim certificate's status (valid, suspended, revoked, withdrawn, expired). */
  certificateStatus: string;
}

const periodText = (period: unknown) => {
  const p = period as Period | undefined;
  return p?.start || p?.end ? `${p.start ?? ''} – ${p.end ?? ''}` : '';
};

/** One certified claim: its certificate, what it covers, and every retirement behind it. */
export function ClaimPage({ page, claim, certificateStatus }: ClaimPageProps): string {
  const { t } = page;
  const c = t.claim;
  const { entry, retirements } = claim;
  const number = entry.certificationNumber;
  const encoded = encodeURIComponent(number);
  const disclosure = entry.disclosure as { boundary?: string; product?: { name?: string; cfpVerificationNumber?: string }; targetPeriod?: Period; planPeriod?: Period; period?: Period };
  const rows: [string, string][] = [
    [c.program, t.programs[entry.type] ?? entry.type],
    [c.holder, entry.holder.name],
    ...(entry.holder.corporateNumber ? ([[c.corporateNumber, entry.holder.corporateNumber]] as [string, string][]) : []),
    [disclosure.product ? c.product : c.boundary, subjectOf(entry)],
    ...(disclosure.product?.cfpVerificationNumber ? ([[c.cfpNumber, disclosure.product.cfpVerificationNumber]] as [string, string][]) : []),
    ...(disclosure.targetPeriod ? ([[c.targetPeriod, periodText(disclosure.targetPeriod)]] as [string, string][]) : []),
    ...(disclosure.planPeriod ? ([[c.planPeriod, periodText(disclosure.planPeriod)]] as [string, string][]) : []),
    ...(disclosure.period ? ([[c.period, periodText(disclosure.period)]] as [string, string][]) : []),
    [c.certifiedOn, entry.certifiedOn ?? ''],
    ...(validityOf(entry) ? ([[c.validity, validityOf(entry)]] as [string, string][]) : []),
    [c.requiredTonnes, t.common.tonnes(groupDigits(entry.requiredTonnes))],
    [c.retiredTonnes, t.common.tonnes(groupDigits(entry.retiredTonnes))],
    ...(entry.verificationBody ? ([[c.verification, `${entry.verificationBody.name} (${entry.verificationBody.reportReference}, ${entry.verificationBody.verifiedOn})`]] as [string, string][]) : []),
    ...(entry.statusReason ? ([[c.statusReason, entry.statusReason]] as [string, string][]) : []),
  ];
  return (
    <Layout page={page} title={`${c.certificate} ${number}`} nav="register">
      <p class="note" safe>
        {t.programs[entry.type] ?? entry.type}
      </p>
      <h1 class="mono" safe>
        {number}
      </h1>
      <p>
        <span safe>
          {`${c.status}: `}
        </span>
        <Badge tone={statusTone(certificateStatus)} label={t.certificateStatus[certificateStatus] ?? certificateStatus} />{' '}
        <Badge tone={statusTone(entry.status)} label={t.claimStatus[entry.status] ?? entry.status} />
      </p>
      <ul class="links">
        <li>
          <a href={`/verify/${encoded}?lang=${page.lang}`} safe>
            {c.verifyLink}
          </a>
        </li>
        <li>
          <a href={`/v1/certificates/${encoded}.pdf`} type="application/pdf" safe>
            {c.pdfLink}
          </a>
        </li>
        <li>
          <a href={`/v1/certificates/${encoded}`} type="application/json" safe>
            {c.jsonLink}
          </a>
        </li>
      </ul>
      <dl class="fields-list">
        {rows.map(([label, value]) => (
          <>
            <dt safe>{label}</dt>
            <dd safe>{value}</dd>
          </>
        ))}
      </dl>
      {entry.labelsRemovedBy ? <p class="note" safe>{c.labelsRemovedBy(entry.labelsRemovedBy)}</p> : ''}

      <h2 id="retirements-h" safe>
        {c.retirementsTitle}
      </h2>
      {retirements.length === 0 ? (
        <p safe>{c.retirementsEmpty}</p>
      ) : (
        <table class="stack retirements">
          <caption safe>{c.retirementsCaption}</caption>
          <TableHead columns={[c.retirementCertificate, c.retiredOn, c.beneficiary, c.purpose, c.serials, c.evidence, c.status, { label: c.quantity, num: true }]} />
          <tbody>
            {retirements.map((retirement) => (
              <tr class={`retirement retirement-${retirement.status}`}>
                <td data-label={c.retirementCertificate}>
                  <a class="mono" href={`/verify/${encodeURIComponent(retirement.certificateNumber)}?lang=${page.lang}`} safe>
                    {retirement.certificateNumber}
                  </a>
                </td>
                <td data-label={c.retiredOn} safe>
                  {retirement.retiredOn}
                </td>
                <td data-label={c.beneficiary} class="beneficiary" safe>
                  {retirement.beneficiary}
                </td>
                <td data-label={c.purpose} class="purpose" safe>
                  {retirement.purpose}
                </td>
                <td data-label={c.serials} class="mono" safe>
                  {retirement.serials.join(', ')}
                </td>
                <td data-label={c.evidence} safe>
                  {retirement.evidence ? `${retirement.evidence.registry} (${retirement.evidence.reference})` : t.common.pending}
                </td>
                <td data-label={c.status}>
                  <Badge tone={retirement.status === 'retired' ? 'ok' : 'bad'} label={c.retirementStatus[retirement.status] ?? retirement.status} />
                </td>
                <td data-label={c.quantity} class="num" safe>
                  {groupDigits(retirement.quantity)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <CreditsTable page={page} credits={entry.credits.filter((credit) => credit.retirementStatus === 'retired')} />
    </Layout>
  ) as string;
}

function CreditsTable({ page, credits }: { page: PageContext; credits: RegisterCredit[] }): JSX.Element {
  const c = page.t.claim;
  if (credits.length === 0) return '';
  return (
    <>
      <h2 id="credits-h" safe>
        {c.creditsTitle}
      </h2>
      <table class="stack credits">
        <caption safe>{c.creditsCaption}</caption>
        <TableHead columns={[c.serials, c.scheme, c.project, c.retirementCertificate, { label: c.quantity, num: true }]} />
        <tbody>
          {credits.map((credit) => (
            <tr>
              <td data-label={c.serials} class="mono" safe>
                {credit.serial}
              </td>
              <td data-label={c.scheme} safe>
                {credit.schemeName || credit.scheme}
              </td>
              <td data-label={c.project} safe>
                {[credit.project, credit.projectName, credit.projectRegion].filter(Boolean).join(' · ')}
              </td>
              <td data-label={c.retirementCertificate} class="mono" safe>
                {credit.certificateNumber}
              </td>
              <td data-label={c.quantity} class="num" safe>
                {groupDigits(credit.quantity)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
