import type { ClaimCertificateView } from '@registry/ledger';
import { CLAIM_STATUS_LABEL } from './claim-certificate-link';
import { formatInstant, formatQuantity, trimBase } from './certificate-format';
import { escapeHtml, type Lang } from './html';
import { certHref, page, row } from './verify-page';

const PROGRAM = {
  ja: { CN: 'カーボン・ニュートラル認証', CN_PLAN: 'カーボン・ニュートラル計画認証', CFP: 'CFPを活用したカーボン・オフセット（届出）' },
  en: { CN: 'Carbon Neutral certification', CN_PLAN: 'Carbon Neutral plan certification', CFP: 'Carbon offset using CFP (notification)' },
};

const T = {
  ja: {
    heading: '認証の証明書',
    validNote: 'この認証は有効です。内容は下記のとおりで、電子署名により確認できます。',
    notValidNote: 'この認証は現在有効ではありません。',
    expiredNote: '有効期間が終了しました。',
    reason: '理由', changedAt: '日時', number: '認証番号', program: '制度', applicant: '認証取得者', corporateNumber: '法人番号',
    certifier: '認証主体', boundary: '対象範囲', product: '対象製品', verification: 'CFP検証番号', targetPeriod: '対象期間', planPeriod: '計画期間',
    period: '期間', certifiedOn: '認証日', validity: '有効期間', required: '必要な償却量', retired: '償却量', retirements: '償却証明書',
    issuedAt: '発行日時', proof: '電子署名', digest: 'ダイジェスト (SHA-256)', keyId: '鍵ID', signature: '署名 (Ed25519)', keys: '公開鍵:', downloads: 'ダウンロード',
  },
  en: {
    heading: 'Certificate of the claim',
    validNote: 'This certification is valid. Its content below can be checked with its digital signature.',
    notValidNote: 'This certification is no longer valid.',
    expiredNote: 'Its validity has ended.',
    reason: 'Reason', changedAt: 'At', number: 'Certification number', program: 'Program', applicant: 'Holder', corporateNumber: 'Corporate number',
    certifier: 'Certification body', boundary: 'Boundary', product: 'Product', verification: 'CFP verification number', targetPeriod: 'Target period', planPeriod: 'Plan period',
    period: 'Period', certifiedOn: 'Certified on', validity: 'Validity', required: 'Required retirement', retired: 'Retired', retirements: 'Retirement certificates',
    issuedAt: 'Issued at', proof: 'Digital signature', digest: 'Digest (SHA-256)', keyId: 'Key ID', signature: 'Signature (Ed25519)', keys: 'Public keys:', downloads: 'Download',
  },
};

const span = (p?: { start: string; end: string } | null) => (p ? `${escapeHtml(p.start)} 〜 ${escapeHtml(p.end)}` : '—');

/** The public page of a claim's own certificate (issue 16): its figures, its retirements, its status now. */
export function renderClaimCertificatePage(doc: ClaimCertificateView, lang: Lang, ctx: { baseUrl: string }): string {
  const t = T[lang];
  const base = trimBase(ctx.baseUrl);
  const status = CLAIM_STATUS_LABEL[lang][doc.status] ?? doc.status;
  const valid = doc.status === 'valid';
  const badge = `<span class="badge ${valid ? 'badge-valid' : 'badge-revoked'}">${escapeHtml(status)}</span>`;
  const change = doc.statusChange
    ? `<p>${escapeHtml(t.reason)}: ${escapeHtml(doc.statusChange.reason || '—')}</p>\n<p>${escapeHtml(t.changedAt)}: ${escapeHtml(formatInstant(doc.statusChange.at))}</p>`
    : '';
  const notice = valid
    ? `<p class="note">${escapeHtml(t.validNote)}</p>`
    : `<div class="revocation">\n<p><strong>${escapeHtml(t.notValidNote)}</strong>${doc.status === 'expired' ? ` ${escapeHtml(t.expiredNote)}` : ''}</p>${change}\n</div>`;
  const retirements = doc.retirementCertificates.map((n) => `<a href="${escapeHtml(certHref(base, n, lang))}">${escapeHtml(n)}</a>`).join('<br>') || '—';
  const n = encodeURIComponent(doc.number);
  const subject =
    doc.type === 'CFP'
      ? `${row(t.product, escapeHtml(doc.product?.name ?? '—'))}\n${row(t.verification, escapeHtml(doc.product?.cfpVerificationNumber ?? '—'))}\n${row(t.period, span(doc.period))}`
      : `${row(t.boundary, escapeHtml(doc.boundary ?? '—'))}\n${row(t.targetPeriod, span(doc.targetPeriod))}${doc.planPeriod ? `\n${row(t.planPeriod, span(doc.planPeriod))}` : ''}`;
  const body = `<section class="card" aria-labelledby="cert-h">
<p class="note">${escapeHtml(t.heading)} · ${escapeHtml(PROGRAM[lang][doc.type])}</p>
<h1 id="cert-h">${escapeHtml(doc.number)}</h1>
<div class="status-line">${badge}</div>
${notice}
</section>
<section class="card">
<dl class="fields">
${row(t.number, `<span class="mono">${escapeHtml(doc.number)}</span>`)}
${row(t.program, escapeHtml(PROGRAM[lang][doc.type]))}
${row(t.applicant, `${escapeHtml(doc.applicant.name || '—')}${doc.applicant.corporateNumber ? `<span class="sub">${escapeHtml(t.corporateNumber)} ${escapeHtml(doc.applicant.corporateNumber)}</span>` : ''}`)}
${row(t.certifier, escapeHtml(doc.certifier?.name || '—'))}
${subject}
${row(t.certifiedOn, escapeHtml(doc.certifiedOn))}
${row(t.validity, doc.validFrom || doc.validTo ? `${escapeHtml(doc.validFrom ?? '')} 〜 ${escapeHtml(doc.validTo ?? '')}` : '—')}
${row(t.required, `${escapeHtml(formatQuantity(doc.requiredTonnes))} t-CO2e`)}
${row(t.retired, `${escapeHtml(formatQuantity(doc.retiredTonnes))} t-CO2e`)}
${row(t.retirements, retirements)}
${row(t.issuedAt, escapeHtml(formatInstant(doc.issuedAt)))}
</dl>
</section>
<section class="card" aria-labelledby="proof-h">
<h2 id="proof-h">${escapeHtml(t.proof)}</h2>
<dl class="fields">
${row(t.digest, `<code>${escapeHtml(doc.digest)}</code>`)}
${row(t.keyId, `<code>${escapeHtml(doc.keyId)}</code>`)}
${row(t.signature, `<code>${escapeHtml(doc.signature)}</code>`)}
</dl>
<p class="note">${escapeHtml(t.keys)} <a href="${escapeHtml(`${base}/v1/certificate-keys`)}">/v1/certificate-keys</a></p>
<p class="note">${escapeHtml(t.downloads)}: <a href="${escapeHtml(`${base}/v1/certificates/${n}.pdf`)}">PDF</a> · <a href="${escapeHtml(`${base}/v1/certificates/${n}`)}">JSON</a></p>
</section>`;
  const other: Lang = lang === 'ja' ? 'en' : 'ja';
  return page({ lang, title: `${t.heading} ${doc.number}`, baseUrl: base, switchHref: certHref(base, doc.number, other), search: { number: doc.number }, body });
}
