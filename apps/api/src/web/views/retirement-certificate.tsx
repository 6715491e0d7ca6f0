import type { CertificateCheck } from '@registry/domain';
import { certificateBlocks, formatInstant, formatQuantity, totalQuantity } from '@registry/documents';
import type { CertificateBlock, CertificateDocument } from '@registry/ledger';
import { pageHref, type PageContext } from '../http/page-context';
import { CertificateFields, CertificateHeading, SignatureSection, StatusChange, verifyHref, type CertificateField } from './certificate-parts';
import { VerifySearch } from './verify-search';
import { Layout } from './layout';
import { TableHead } from './table-head';

export interface RetirementCertificateProps {
  page: PageContext;
  doc: CertificateDocument;
  check: CertificateCheck;
}

/** A retirement certificate (`/verify/RC-…`): its status, what was retired for whom, and its proof. */
export function RetirementCertificatePage({ page, doc, check }: RetirementCertificateProps): string {
  const { t } = page;
  const v = t.verify;
  const revoked = doc.status === 'revoked';
  return (
    <Layout page={page} title={`${v.retirementCertificate} ${doc.number}`} nav="verify">
      <CertificateHeading page={page} kind={v.retirementCertificate} number={doc.number} tone={revoked ? 'bad' : 'ok'} status={t.certificateStatus[doc.status] ?? doc.status} />
      {revoked ? (
        <StatusChange page={page} note={v.revokedNote} reason={doc.revocation?.reason ?? ''} at={doc.revocation?.at ? formatInstant(doc.revocation.at) : undefined} />
      ) : (
        <p class="note valid-note" safe>
          {v.validNote}
        </p>
      )}
      <Versions page={page} doc={doc} />
      <CertificateFields fields={fieldsOf(page, doc)} />
      <BlocksTable page={page} doc={doc} />
      <SignatureSection page={page} doc={doc} check={check} />
      <VerifySearch page={page} number={doc.number} />
    </Layout>
  ) as string;
}

function fieldsOf(page: PageContext, doc: CertificateDocument): CertificateField[] {
  const v = page.t.verify;
  const fields: CertificateField[] = [
    [v.number, { safeHtml: <span class="mono" safe>{doc.number}</span> }],
    [v.issuedAt, formatInstant(doc.issuedAt)],
    [v.retiredOn, doc.retiredOn ?? '—'],
    [v.holder, doc.holder ? `${doc.holder.name || '—'}` : '—'],
    [v.beneficiary, doc.beneficiary],
    [v.purpose, doc.purpose],
    [v.quantity, totalQuantity(doc)],
    [v.claim, { safeHtml: <ClaimOf page={page} doc={doc} /> }],
  ];
  if (doc.claimCertificate) fields.push([v.backs, { safeHtml: <BacksClaim page={page} link={doc.claimCertificate} /> }]);
  fields.push([v.evidence, doc.evidence ? `${doc.evidence.registry} (${doc.evidence.reference})` : v.evidencePending]);
  fields.push([v.retirementId, { safeHtml: <span class="mono" safe>{doc.retirementId}</span> }]);
  return fields;
}

function ClaimOf({ page, doc }: { page: PageContext; doc: CertificateDocument }): JSX.Element {
  const { t } = page;
  const claim = doc.claim;
  if (!claim) return doc.claimId ? <span class="mono" safe>{doc.claimId}</span> : <span safe>{t.common.none}</span>;
  const program = t.programs[claim.type] ?? claim.type;
  // Signed at retirement, the claim usually has no number yet; its certificate, once issued, gives it.
  const number = claim.number ?? doc.claimCertificate?.number;
  return (
    <>
      {number ? (
        <>
          <a class="mono" href={pageHref(page, `/register/${encodeURIComponent(number)}`)} safe>
            {number}
          </a>{' '}
        </>
      ) : (
        ''
      )}
      <span safe>{program}</span>
      <br />
      <span class="note" safe>{`${t.verify.period}: ${claim.period.start} – ${claim.period.end}`}</span>
    </>
  );
}

/** The claim certificate this retirement backs, with the claim's status now, and a warning when it is not valid. */
function BacksClaim({ page, link }: { page: PageContext; link: { number: string; status: string } }): JSX.Element {
  const { t } = page;
  const status = t.certificateStatus[link.status] ?? link.status;
  return (
    <>
      <a class="mono" href={verifyHref(page, link.number)} safe>
        {link.number}
      </a>{' '}
      <span safe>{`(${status})`}</span>
      {link.status === 'valid' ? '' : <strong class="field-error claim-not-valid" safe>{`${t.verify.backsNotValid} (${status})`}</strong>}
    </>
  );
}

/** A certificate reissued when the official record was added: which version this is, and links to the earlier ones. */
function Versions({ page, doc }: { page: PageContext; doc: CertificateDocument }): JSX.Element {
  const v = page.t.verify;
  const version = typeof doc.version === 'number' ? doc.version : 1;
  if (version <= 1) return '';
  const earlier = Array.from({ length: version - 1 }, (_, i) => i + 1);
  return (
    <p class="note versions">
      <span safe>{v.versionNote(version)}</span>{' '}
      {earlier.map((n, i) => (
        <>
          {i > 0 ? ' · ' : ''}
          <a href={`/v1/certificates/${encodeURIComponent(doc.number)}?version=${n}`} type="application/json" safe>
            {v.versionLink(n)}
          </a>
        </>
      ))}
    </p>
  );
}

function BlocksTable({ page, doc }: { page: PageContext; doc: CertificateDocument }): JSX.Element {
  const v = page.t.verify;
  return (
    <table class="stack blocks">
      <caption safe>{v.serialsCaption}</caption>
      <TableHead columns={[v.serial, v.scheme, { label: v.quantity, num: true }]} />
      <tbody>
        {certificateBlocks(doc).map((block) => (
          <tr>
            <td data-label={v.serial} class="mono">
              <a href={pageHref(page, '/serials', { serial: block.serial })} safe>
                {block.serial}
              </a>
            </td>
            <td data-label={v.scheme} safe>
              {block.schemeName || block.scheme}
            </td>
            <td data-label={v.quantity} class="num" safe>
              {blockQuantity(block)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** `2,001 t-CO2e`; empty for a bare serial (a certificate issued before blocks were printed). */
function blockQuantity(block: CertificateBlock): string {
  return block.quantity ? `${formatQuantity(block.quantity)} ${block.unit}`.trim() : '';
}
