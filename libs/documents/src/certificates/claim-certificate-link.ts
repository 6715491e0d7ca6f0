import { escapeHtml, type Lang } from './html';

/** How a claim certificate's status reads, on its own page and on the retirement pages that link to it. */
export const CLAIM_STATUS_LABEL: Record<Lang, Record<string, string>> = {
  ja: { valid: '有効 / Valid', suspended: '一時停止 / Suspended', revoked: '取消 / Revoked', withdrawn: '取下げ / Withdrawn', expired: '期限切れ / Expired' },
  en: { valid: 'Valid / 有効', suspended: 'Suspended / 一時停止', revoked: 'Revoked / 取消', withdrawn: 'Withdrawn / 取下げ', expired: 'Expired / 期限切れ' },
};

const T = {
  ja: { label: '裏付ける認証の証明書', notValid: 'この償却が裏付ける認証は現在有効ではありません' },
  en: { label: 'Certificate of the claim it backs', notValid: 'The certification these credits back is no longer valid' },
};

/**
 * The retirement certificate page's row for the claim certificate it backs (issue 16): a link, the
 * claim's current status, and a warning when it is no longer valid. Empty before certification.
 */
export function claimCertificateLink(link: { number: string; status: string } | undefined, lang: Lang, base: string): string {
  if (!link) return '';
  const t = T[lang];
  const href = `${base}/verify/${encodeURIComponent(link.number)}?lang=${lang}`;
  const status = CLAIM_STATUS_LABEL[lang][link.status] ?? link.status;
  const warning = link.status === 'valid' ? '' : `<span class="sub claim-not-valid"><strong>${escapeHtml(t.notValid)}（${escapeHtml(status)}）</strong></span>`;
  return `\n<dt>${escapeHtml(t.label)}</dt><dd><a href="${escapeHtml(href)}">${escapeHtml(link.number)}</a><span class="sub">${escapeHtml(status)}</span>${warning}</dd>`;
}
