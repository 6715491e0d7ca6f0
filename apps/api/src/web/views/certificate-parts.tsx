import type { CertificateCheck } from '@registry/domain';
import type { PageContext } from '../http/page-context';
import { Badge, type Tone } from './components';

/** A field of a certificate: plain text (escaped here), or markup a caller built from escaped parts. */
export type CertificateField = [label: string, value: string | { safeHtml: JSX.Element }];

/** The certificate's fields as a definition list; a narrow screen stacks label over value. */
export function CertificateFields({ fields }: { fields: CertificateField[] }): JSX.Element {
  return (
    <dl class="fields-list">
      {fields.map(([label, value]) => (
        <>
          <dt safe>{label}</dt>
          <FieldValue value={value} />
        </>
      ))}
    </dl>
  );
}

function FieldValue({ value }: { value: CertificateField[1] }): JSX.Element {
  if (typeof value === 'string') return <dd safe>{value}</dd>;
  const { safeHtml } = value;
  return <dd>{safeHtml}</dd>;
}

/** The certificate's kind, its number as the page's heading, and its status in words. */
export function CertificateHeading({ page, kind, number, tone, status }: { page: PageContext; kind: string; number: string; tone: Tone; status: string }): JSX.Element {
  return (
    <>
      <p class="note" safe>
        {kind}
      </p>
      <h1 id="cert-h" class="mono" safe>
        {number}
      </h1>
      <p class="status-line">
        <span safe>{`${page.t.verify.status}: `}</span>
        <Badge tone={tone} label={status} />
      </p>
    </>
  );
}

/** Why a certificate is not (or no longer) valid: the reason and when, as the registry recorded them. */
export function StatusChange({ page, note, reason, at }: { page: PageContext; note: string; reason?: string; at?: string }): JSX.Element {
  const v = page.t.verify;
  return (
    <div class="alert revocation" role="note">
      <p>
        <strong safe>{note}</strong>
      </p>
      {reason !== undefined ? <p safe>{`${v.reason}: ${reason || '—'}`}</p> : ''}
      {at ? <p safe>{`${v.changedAt}: ${at}`}</p> : ''}
    </div>
  );
}

/**
 * The proof: digest, key and signature, the result of checking the signature against the
 * registry's published keys (done on the server, so it needs no script), and the signed JSON and
 * PDF to check it oneself.
 */
export function SignatureSection({ page, doc, check }: { page: PageContext; doc: { number: string; digest: string; keyId: string; signature: string }; check: CertificateCheck }): JSX.Element {
  const v = page.t.verify;
  const n = encodeURIComponent(doc.number);
  return (
    <section aria-labelledby="proof-h">
      <h2 id="proof-h" safe>
        {v.proof}
      </h2>
      <p class={check.valid ? 'alert ok signature-check' : 'alert signature-check'} role="status">
        {check.valid ? <span safe>{v.signatureValid}</span> : <span safe>{`${v.signatureInvalid}: ${check.reason}`}</span>}
      </p>
      <CertificateFields
        fields={[
          [v.digest, { safeHtml: <code safe>{doc.digest}</code> }],
          [v.keyId, { safeHtml: <code safe>{doc.keyId}</code> }],
          [v.signature, { safeHtml: <code safe>{doc.signature}</code> }],
        ]}
      />
      <ul class="links downloads">
        <li>
          <a href={`/v1/certificates/${n}.pdf`} type="application/pdf" safe>
            {`${v.downloads}: ${page.t.common.pdf}`}
          </a>
        </li>
        <li>
          <a href={`/v1/certificates/${n}`} type="application/json" safe>
            {`${v.downloads}: ${page.t.common.json}`}
          </a>
        </li>
        <li>
          <a href="/v1/certificate-keys" type="application/json" safe>
            {`${v.keys}: /v1/certificate-keys`}
          </a>
        </li>
      </ul>
    </section>
  );
}

/** A certificate's own page, in the page's language (`?lang=` kept so a shared link stays in it). */
export function verifyHref(page: PageContext, number: string): string {
  return `/verify/${encodeURIComponent(number)}?lang=${page.lang}`;
}

