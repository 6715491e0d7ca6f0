import type { CertificateCheck } from '@registry/domain';
import { formatInstant, formatQuantity } from '@registry/documents';
import type { ClaimCertificateView } from '@registry/ledger';
import { pageHref, type PageContext } from '../http/page-context';
import { CertificateFields, CertificateHeading, SignatureSection, StatusChange, verifyHref, type CertificateField } from './certificate-parts';
import { statusTone } from './components';
import { Layout } from './layout';
import { VerifySearch } from './verify-search';

export interface ClaimCertificateProps {
  page: PageContext;
  doc: ClaimCertificateView;
  check: CertificateCheck;
}

const span = (p?: { start: string; end: string } | null) => (p ? `${p.start} – ${p.end}` : '—');

/** A claim's own certificate (`/verify/CN-…`): its figures, the retirements behind it, its status now. */
export function ClaimCertificatePage({ page, doc, check }: ClaimCertificateProps): string {
  const { t } = page;
  const v = t.verify;
  const program = t.programs[doc.type] ?? doc.type;
  const valid = doc.status === 'valid';
  const note = `${v.claimNotValidNote}${doc.status === 'expired' ? ` ${v.expiredNote}` : ''}`;
  return (
    <Layout page={page} title={`${v.claimCertificate} ${doc.number}`} nav="verify">
      <CertificateHeading page={page} kind={`${v.claimCertificate} · ${program}`} number={doc.number} tone={statusTone(doc.status)} status={t.certificateStatus[doc.status] ?? doc.status} />
      {valid ? (
        <p class="note valid-note" safe>
          {v.claimValidNote}
        </p>
      ) : (
        <StatusChange page={page} note={note} reason={doc.statusChange?.reason} at={doc.statusChange ? formatInstant(doc.statusChange.at) : undefined} />
      )}
      <p>
        <a href={pageHref(page, `/register/${encodeURIComponent(doc.number)}`)} safe>
          {v.claimPage}
        </a>
      </p>
      <CertificateFields fields={fieldsOf(page, doc, program)} />
      <SignatureSection page={page} doc={doc} check={check} />
      <VerifySearch page={page} number={doc.number} />
    </Layout>
  ) as string;
}

function fieldsOf(page: PageContext, doc: ClaimCertificateView, program: string): CertificateField[] {
  const { t } = page;
  const v = t.verify;
  const subject: CertificateField[] =
    doc.type === 'CFP'
      ? [
          [t.claim.product, doc.product?.name ?? '—'],
          [t.claim.cfpNumber, doc.product?.cfpVerificationNumber ?? '—'],
          [v.period, span(doc.period)],
        ]
      : [
          [t.claim.boundary, doc.boundary ?? '—'],
          [t.claim.targetPeriod, span(doc.targetPeriod)],
          ...(doc.planPeriod ? ([[t.claim.planPeriod, span(doc.planPeriod)]] as CertificateField[]) : []),
        ];
  return [
    [v.number, { safeHtml: <span class="mono" safe>{doc.number}</span> }],
    [t.claim.program, program],
    [v.applicant, `${doc.applicant.name || '—'}${doc.applicant.corporateNumber ? ` (${v.corporateNumber} ${doc.applicant.corporateNumber})` : ''}`],
    [v.certifier, doc.certifier?.name || '—'],
    ...subject,
    [v.certifiedOn, doc.certifiedOn],
    [v.validity, doc.validFrom || doc.validTo ? `${doc.validFrom ?? ''} – ${doc.validTo ?? ''}` : '—'],
    [v.required, t.common.tonnes(formatQuantity(doc.requiredTonnes))],
    [v.retired, t.common.tonnes(formatQuantity(doc.retiredTonnes))],
    [v.retirements, { safeHtml: <RetirementLinks page={page} numbers={doc.retirementCertificates} /> }],
    [v.issuedAt, formatInstant(doc.issuedAt)],
  ];
}

function RetirementLinks({ page, numbers }: { page: PageContext; numbers: readonly string[] }): JSX.Element {
  if (numbers.length === 0) return '—';
  return (
    <ul class="plain">
      {numbers.map((number) => (
        <li>
          <a class="mono" href={verifyHref(page, number)} safe>
            {number}
          </a>
        </li>
      ))}
    </ul>
  );
}
