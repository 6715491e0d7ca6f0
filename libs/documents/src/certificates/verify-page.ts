import { createHash } from 'node:crypto';
import { claimCertificateLink } from './claim-certificate-link';
import { escapeHtml } from './html';
import { STATUS_PAGE_SEGMENTS, type CertificateDocument } from '@registry/ledger';
import type { SegmentStatus, SerialStatusView } from './serial-status-view';
import {
  certificateBlocks,
  formatInstant,
  formatQuantity,
  rangeSize,
  totalQuantity,
  trimBase,
} from './certificate-format';

/**
 * The public verify pages (`GET /verify/{number}`, `GET /verify?serial=…`): complete HTML documents
 * as strings, server-rendered, no JavaScript, no external assets. One inline <style> block and no
 * `style=` attributes, so a strict CSP works: `verifyPageCsp()` pins the block by its hash (helmet's
 * default `style-src 'self' https: 'unsafe-inline'` works too). The one <link>, the icon, is
 * root-relative: it comes from the server that answered, which `img-src 'self'` allows.
 *
 * All user data goes through `escapeHtml`; every URL is built with `encodeURIComponent`.
 */

export type { Lang } from './html';
import type { Lang } from './html';

export { escapeHtml };

/** `?lang=` wins; else the first of ja/en in Accept-Language (by q); else Japanese. */
export function pickLang(queryLang?: string | null, acceptLanguage?: string | null): Lang {
  if (queryLang === 'ja' || queryLang === 'en') return queryLang;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, i) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find(Boolean);
      return { tag: tag.trim(), q: q ? Number(q[1]) : 1, i };
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const { tag } of ranked) {
    if (tag === 'ja' || tag.startsWith('ja-')) return 'ja';
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
  }
  return 'ja';
}

export type VerifyQueryAction =
  | { kind: 'redirect'; location: string }
  | { kind: 'serial'; serial: string }
  | { kind: 'search' };

/**
 * What `GET /verify?…` should do. The certificate-number form cannot put the number into the path
 * without JavaScript, so it submits `?number=`; the controller answers with a redirect (303) to
 * `/verify/{number}`.
 */
export function resolveVerifyQuery(query: { number?: string; serial?: string; lang?: string }, baseUrl: string): VerifyQueryAction {
  const number = query.number?.trim();
  if (number) {
    const lang = query.lang === 'en' || query.lang === 'ja' ? `?lang=${query.lang}` : '';
    return { kind: 'redirect', location: `${trimBase(baseUrl)}/verify/${encodeURIComponent(number)}${lang}` };
  }
  const serial = query.serial?.trim();
  if (serial) return { kind: 'serial', serial };
  return { kind: 'search' };
}

const T = {
  ja: {
    site: '償却証明書の検証',
    switchTo: 'English',
    certificate: '償却証明書',
    notFoundTitle: '証明書が見つかりません',
    notFoundBody: (n: string) => `証明書番号「${n}」の証明書は登録されていません。番号をご確認ください。`,
    notFoundNoNumber: '証明書番号を入力してください。',
    valid: '有効 / Valid',
    revoked: '無効 / Revoked',
    validNote: 'この証明書は有効です。下記のクレジットは償却済みで、再び使用されることはありません。',
    revokedNote: 'この証明書は取り消されました。',
    reason: '取消理由',
    revokedAt: '取消日時',
    number: '証明書番号',
    issuedAt: '発行日時',
    retiredOn: '償却日',
    holder: '保有者',
    beneficiary: '受益者',
    purpose: '償却の目的',
    quantity: '償却数量',
    claim: '対象の申請',
    claimNone: 'なし',
    period: '期間',
    evidence: '管理レジストリの記録',
    evidencePending: '保留中 / Pending（管理レジストリの記録番号の登録待ち）',
    versionNote: (v: number) => `これは第${v}版です（公式記録の追加により再発行）。以前の版も署名付きで検証できます:`,
    versionLink: (v: number) => `第${v}版`,
    retirementId: '償却ID',
    serials: '償却したクレジット',
    serial: 'シリアル番号',
    scheme: '制度',
    proof: '電子署名',
    digest: 'ダイジェスト (SHA-256)',
    keyId: '鍵ID',
    signature: '署名 (Ed25519)',
    proofNote: '公開鍵は次で公開しています:',
    downloads: 'ダウンロード',
    pdf: 'PDF',
    json: 'JSON',
    searchTitle: '検索',
    searchNumber: '証明書番号',
    searchSerial: 'シリアル番号',
    searchButton: '確認',
    serialTitle: 'シリアル番号の状態',
    serialNotFound: 'このシリアル番号の記録はありません。',
    serialError: 'シリアル番号を読み取れませんでした',
    cursorError: 'ページの指定を読み取れませんでした',
    serialAsk: '確認したいシリアル番号を入力してください。',
    namespace: '名前空間',
    range: '範囲',
    units: '単位数',
    status: '状態',
    certificateCol: '証明書',
    summary: '内訳',
    summaryPage: '内訳（このページ）',
    thisPage: 'このページの範囲',
    nextPage: '次のページ →',
    firstPage: '← 最初のページ',
    pages: 'ページ',
    pageNote: (n: number) => `1ページに最大${n.toLocaleString('en-US')}区分まで表示します。`,
    segment: { retired: '償却済み / Retired', held: '保有中 / Held', unknown: '記録なし / Not recorded' } as Record<SegmentStatus, string>,
    unknownNote: '「記録なし」は本登録簿に記録がないことを示します（他のレジストリで償却されている可能性があります）。',
    footer: '本ページは登録簿の記録から生成しています。証明書の真正性は電子署名で確認できます。',
  },
  en: {
    site: 'Certificate verification',
    switchTo: '日本語',
    certificate: 'Retirement certificate',
    notFoundTitle: 'Certificate not found',
    notFoundBody: (n: string) => `No certificate with the number “${n}” is registered. Please check the number.`,
    notFoundNoNumber: 'Enter a certificate number.',
    valid: 'Valid / 有効',
    revoked: 'Revoked / 無効',
    validNote: 'This certificate is valid. The credits below are retired and cannot be used again.',
    revokedNote: 'This certificate has been revoked.',
    reason: 'Reason',
    revokedAt: 'Revoked at',
    number: 'Certificate number',
    issuedAt: 'Issued at',
    retiredOn: 'Retirement date',
    holder: 'Holder',
    beneficiary: 'Beneficiary',
    purpose: 'Purpose',
    quantity: 'Quantity retired',
    claim: 'Claim',
    claimNone: 'None',
    period: 'Period',
    evidence: "Managing registry's record",
    evidencePending: "Pending / 保留中 (awaiting the managing registry's reference)",
    versionNote: (v: number) => `This is version ${v} (reissued when the official record was added). Earlier versions remain signed and verifiable:`,
    versionLink: (v: number) => `version ${v}`,
    retirementId: 'Retirement ID',
    serials: 'Retired credits',
    serial: 'Serial number',
    scheme: 'Scheme',
    proof: 'Digital signature',
    digest: 'Digest (SHA-256)',
    keyId: 'Key ID',
    signature: 'Signature (Ed25519)',
    proofNote: 'Public keys are published at:',
    downloads: 'Download',
    pdf: 'PDF',
    json: 'JSON',
    searchTitle: 'Search',
    searchNumber: 'Certificate number',
    searchSerial: 'Serial number',
    searchButton: 'Check',
    serialTitle: 'Serial status',
    serialNotFound: 'There is no record of this serial number.',
    serialError: 'The serial number could not be read',
    cursorError: 'The page link could not be read',
    serialAsk: 'Enter the serial number to check.',
    namespace: 'Namespace',
    range: 'Range',
    units: 'Units',
    status: 'Status',
    certificateCol: 'Certificate',
    summary: 'Breakdown',
    summaryPage: 'Breakdown (this page)',
    thisPage: 'This page',
    nextPage: 'Next page →',
    firstPage: '← First page',
    pages: 'Pages',
    pageNote: (n: number) => `Up to ${n.toLocaleString('en-US')} segments are shown per page.`,
    segment: { retired: 'Retired / 償却済み', held: 'Held / 保有中', unknown: 'Not recorded / 記録なし' } as Record<SegmentStatus, string>,
    unknownNote: '“Not recorded” means this registry has no record of those units (they may have been retired in another registry).',
    footer: "This page is generated from the registry's records. A certificate's authenticity can be checked with its digital signature.",
  },
} as const;

/** The one <style> block of every verify page (kept constant so CSP can pin it by hash). */
export const VERIFY_PAGE_STYLE = `
:root{--ink:#1a1a1a;--muted:#5f6368;--rule:#d6d9dc;--accent:#0b5d4b;--bg:#f5f6f7;--green:#1b7f3b;--green-bg:#e6f4ea;--red:#c62828;--red-bg:#fdecea;--amber:#8a5a00;--amber-bg:#fff4d6}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--ink);font:16px/1.6 system-ui,-apple-system,"Segoe UI","Hiragino Sans","Hiragino Kaku Gothic ProN","Noto Sans JP","Noto Sans CJK JP","Yu Gothic",Meiryo,sans-serif}
a{color:var(--accent)}
.top{background:var(--accent);color:#fff;padding:.6rem 1rem;display:flex;justify-content:space-between;align-items:center;gap:1rem}
.top a{color:#fff;text-decoration:none}
.top .site{font-weight:700}
.top .lang{border:1px solid rgba(255,255,255,.7);border-radius:999px;padding:.1rem .8rem;font-size:.9rem;white-space:nowrap}
main{max-width:56rem;margin:0 auto;padding:1rem}
.card{background:#fff;border:1px solid var(--rule);border-radius:10px;padding:1rem 1.25rem;margin:0 0 1rem}
h1{font-size:1.45rem;margin:.2rem 0 .6rem;line-height:1.3;overflow-wrap:anywhere}
h2{font-size:1.1rem;margin:0 0 .6rem;color:var(--accent)}
.badge{display:inline-block;font-weight:700;border-radius:6px;padding:.25rem .8rem;font-size:1.05rem;border:2px solid}
.badge-valid{color:var(--green);background:var(--green-bg);border-color:var(--green)}
.badge-revoked{color:var(--red);background:var(--red-bg);border-color:var(--red)}
.seg{display:inline-block;font-size:.8rem;font-weight:700;border-radius:4px;padding:0 .45rem;white-space:nowrap;border:1px solid}
.seg-retired{color:var(--green);background:var(--green-bg);border-color:var(--green)}
.seg-held{color:var(--amber);background:var(--amber-bg);border-color:var(--amber)}
.seg-unknown{color:var(--muted);background:var(--bg);border-color:var(--muted)}
.status-line{display:flex;flex-wrap:wrap;align-items:center;gap:.6rem;margin:.2rem 0 .4rem}
.revocation{border-left:4px solid var(--red);background:var(--red-bg);padding:.5rem .8rem;margin:.6rem 0 0;border-radius:0 6px 6px 0}
.revocation p{margin:.1rem 0}
.note{color:var(--muted);font-size:.9rem;margin:.3rem 0}
dl.fields{display:grid;grid-template-columns:minmax(8rem,13rem) 1fr;margin:0}
dl.fields dt,dl.fields dd{padding:.45rem 0;border-bottom:1px solid var(--rule);margin:0}
dl.fields dt{color:var(--muted);font-size:.9rem;padding-right:1rem}
dl.fields dd{overflow-wrap:anywhere}
.sub{display:block;color:var(--muted);font-size:.8rem}
.table-wrap{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:.95rem}
th,td{text-align:left;padding:.45rem .5rem;border-bottom:1px solid var(--rule);vertical-align:top}
th{color:var(--muted);font-weight:600;font-size:.85rem;white-space:nowrap}
td.num,th.num{text-align:right;white-space:nowrap}
td.serial{overflow-wrap:anywhere;font-weight:600}
code,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.85rem;overflow-wrap:anywhere}
.part{white-space:nowrap;margin-right:.8rem}
form.search{display:flex;flex-wrap:wrap;gap:.5rem;align-items:flex-end;margin:0 0 .8rem}
form.search label{display:block;width:100%;font-size:.9rem;color:var(--muted)}
form.search input[type=text]{flex:1 1 14rem;min-width:0;font:inherit;padding:.45rem .6rem;border:1px solid #9aa0a6;border-radius:6px}
nav.pager{display:flex;flex-wrap:wrap;justify-content:space-between;gap:.6rem;margin:.8rem 0 0}
nav.pager a{font-weight:600}
form.search button{font:inherit;padding:.45rem 1.1rem;border:0;border-radius:6px;background:var(--accent);color:#fff;cursor:pointer}
footer{max-width:56rem;margin:0 auto;padding:0 1rem 2rem;color:var(--muted);font-size:.85rem}
@media (max-width:600px){dl.fields{grid-template-columns:1fr}dl.fields dt{border-bottom:0;padding-bottom:0}h1{font-size:1.25rem}main{padding:.6rem}.card{padding:.8rem}
table.stack thead{display:none}table.stack tr{display:block;border-bottom:1px solid var(--rule);padding:.4rem 0}table.stack td{display:block;border:0;padding:.1rem 0;text-align:left}table.stack td[data-label]::before{content:attr(data-label);display:block;color:var(--muted);font-size:.75rem}}
`;

export const VERIFY_PAGE_STYLE_HASH = `sha256-${createHash('sha256').update(VERIFY_PAGE_STYLE, 'utf8').digest('base64')}`;

/**
 * A Content-Security-Policy for the verify pages: no scripts at all, the one <style> block pinned
 * by hash (no 'unsafe-inline'), images (the icon) only from this site, forms only to this site /
 * PUBLIC_BASE_URL.
 */
export function verifyPageCsp(baseUrl: string): string {
  let origin = '';
  try {
    origin = baseUrl ? new URL(baseUrl).origin : '';
  } catch {
    origin = '';
  }
  return [
    "default-src 'none'",
    `style-src '${VERIFY_PAGE_STYLE_HASH}'`,
    "img-src 'self'",
    `form-action 'self'${origin ? ` ${origin}` : ''}`,
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export interface Shell {
  lang: Lang;
  title: string;
  baseUrl: string;
  /** The same page in the other language. */
  switchHref: string;
  body: string;
  search: { number?: string; serial?: string };
}

export function page(s: Shell): string {
  const t = T[s.lang];
  const other: Lang = s.lang === 'ja' ? 'en' : 'ja';
  const base = trimBase(s.baseUrl);
  return `<!doctype html>
<html lang="${s.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(s.title)} | ${escapeHtml(t.site)}</title>
<style>${VERIFY_PAGE_STYLE}</style>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
</head>
<body>
<header class="top"><a class="site" href="${escapeHtml(`${base}/verify?lang=${s.lang}`)}">${escapeHtml(t.site)}</a><a class="lang" href="${escapeHtml(s.switchHref)}" hreflang="${other}" lang="${other}">${escapeHtml(t.switchTo)}</a></header>
<main>
${s.body}
${searchForms(s.lang, base, s.search)}
</main>
<footer><p>${escapeHtml(t.footer)}</p></footer>
</body>
</html>
`;
}

function searchForms(lang: Lang, base: string, search: { number?: string; serial?: string }): string {
  const t = T[lang];
  const hiddenLang = `<input type="hidden" name="lang" value="${lang}">`;
  return `<section class="card" aria-labelledby="search-h">
<h2 id="search-h">${escapeHtml(t.searchTitle)}</h2>
<form class="search" method="get" action="${escapeHtml(`${base}/verify`)}">
<label for="q-number">${escapeHtml(t.searchNumber)}</label>
<input type="text" id="q-number" name="number" value="${escapeHtml(search.number ?? '')}" placeholder="RC-2026-000123" autocomplete="off" spellcheck="false">${hiddenLang}
<button type="submit">${escapeHtml(t.searchButton)}</button>
</form>
<form class="search" method="get" action="${escapeHtml(`${base}/verify`)}">
<label for="q-serial">${escapeHtml(t.searchSerial)}</label>
<input type="text" id="q-serial" name="serial" value="${escapeHtml(search.serial ?? '')}" placeholder="JCL-ERL-R012-1000001-1000500" autocomplete="off" spellcheck="false">${hiddenLang}
<button type="submit">${escapeHtml(t.searchButton)}</button>
</form>
</section>`;
}

export function certHref(base: string, number: string, lang: Lang): string {
  return `${base}/verify/${encodeURIComponent(number)}?lang=${lang}`;
}

function serialHref(base: string, serial: string, lang: Lang, cursor?: string): string {
  const page = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
  return `${base}/verify?serial=${encodeURIComponent(serial)}${page}&lang=${lang}`;
}

export function row(label: string, valueHtml: string): string {
  return `<dt>${escapeHtml(label)}</dt><dd>${valueHtml}</dd>`;
}

export function statusBadge(status: CertificateDocument['status'], lang: Lang): string {
  const t = T[lang];
  return status === 'revoked'
    ? `<span class="badge badge-revoked">${escapeHtml(t.revoked)}</span>`
    : `<span class="badge badge-valid">${escapeHtml(t.valid)}</span>`;
}

export function renderCertificatePage(doc: CertificateDocument | null, lang: Lang, ctx: { number?: string; baseUrl: string }): string {
  const t = T[lang];
  const base = trimBase(ctx.baseUrl);
  const other: Lang = lang === 'ja' ? 'en' : 'ja';

  if (!doc) {
    const number = ctx.number?.trim() ?? '';
    return page({
      lang,
      title: t.notFoundTitle,
      baseUrl: base,
      switchHref: number ? certHref(base, number, other) : `${base}/verify?lang=${other}`,
      search: { number },
      body: `<section class="card">
<h1>${escapeHtml(t.notFoundTitle)}</h1>
<p>${escapeHtml(number ? t.notFoundBody(number) : t.notFoundNoNumber)}</p>
</section>`,
    });
  }

  const claim = doc.claim;
  const claimHtml = claim
    ? `${escapeHtml(claim.type)}${claim.number ? ` · ${escapeHtml(claim.number)}` : ''}<span class="sub">${escapeHtml(t.period)}: ${escapeHtml(claim.period.start)} 〜 ${escapeHtml(claim.period.end)}</span>${doc.claimId ? `<span class="sub mono">${escapeHtml(doc.claimId)}</span>` : ''}`
    : doc.claimId
      ? `<span class="mono">${escapeHtml(doc.claimId)}</span>`
      : escapeHtml(t.claimNone);
  const evidenceHtml = doc.evidence
    ? `${escapeHtml(doc.evidence.registry)}<span class="sub">${escapeHtml(doc.evidence.reference)}</span>`
    : escapeHtml(t.evidencePending);
  const version = typeof doc.version === 'number' ? doc.version : 1;
  const earlier = Array.from({ length: version - 1 }, (_, i) => i + 1)
    .map((v) => `<a href="${escapeHtml(`${base}/v1/certificates/${encodeURIComponent(doc.number)}?version=${v}`)}">${escapeHtml(t.versionLink(v))}</a>`)
    .join(' · ');
  const versionNote = version > 1 ? `\n<p class="note versions">${escapeHtml(t.versionNote(version))} ${earlier}</p>` : '';

  const revocation =
    doc.status === 'revoked'
      ? `<div class="revocation">
<p><strong>${escapeHtml(t.revokedNote)}</strong></p>
<p>${escapeHtml(t.reason)}: ${escapeHtml(doc.revocation?.reason ?? '—')}</p>${doc.revocation?.at ? `\n<p>${escapeHtml(t.revokedAt)}: ${escapeHtml(formatInstant(doc.revocation.at))}</p>` : ''}
</div>`
      : `<p class="note">${escapeHtml(t.validNote)}</p>`;

  const blocks = certificateBlocks(doc);
  const blockRows = blocks
    .map(
      (b) =>
        `<tr><td class="serial" data-label="${escapeHtml(t.serial)}"><a href="${escapeHtml(serialHref(base, b.serial, lang))}">${escapeHtml(b.serial)}</a></td><td data-label="${escapeHtml(t.scheme)}">${escapeHtml(b.schemeName || b.scheme)}${b.schemeName && b.scheme ? `<span class="sub">${escapeHtml(b.scheme)}</span>` : ''}</td><td class="num" data-label="${escapeHtml(t.quantity)}">${escapeHtml(b.quantity ? `${formatQuantity(b.quantity)} ${b.unit}`.trim() : '')}</td></tr>`,
    )
    .join('\n');

  const n = encodeURIComponent(doc.number);
  const body = `<section class="card" aria-labelledby="cert-h">
<p class="note">${escapeHtml(t.certificate)}</p>
<h1 id="cert-h">${escapeHtml(doc.number)}</h1>
<div class="status-line">${statusBadge(doc.status, lang)}</div>
${revocation}${versionNote}
</section>
<section class="card">
<dl class="fields">
${row(t.number, `<span class="mono">${escapeHtml(doc.number)}</span>`)}
${row(t.issuedAt, escapeHtml(formatInstant(doc.issuedAt)))}
${row(t.retiredOn, escapeHtml(doc.retiredOn ?? '—'))}
${row(t.holder, doc.holder ? `${escapeHtml(doc.holder.name || '—')}<span class="sub mono">${escapeHtml(doc.holder.id)}</span>` : '—')}
${row(t.beneficiary, escapeHtml(doc.beneficiary))}
${row(t.purpose, escapeHtml(doc.purpose))}
${row(t.quantity, escapeHtml(totalQuantity(doc)))}
${row(t.claim, claimHtml)}${claimCertificateLink(doc.claimCertificate, lang, base)}
${row(t.evidence, evidenceHtml)}
${row(t.retirementId, `<span class="mono">${escapeHtml(doc.retirementId)}</span>`)}
</dl>
</section>
<section class="card" aria-labelledby="serials-h">
<h2 id="serials-h">${escapeHtml(t.serials)}</h2>
<div class="table-wrap"><table class="stack">
<thead><tr><th>${escapeHtml(t.serial)}</th><th>${escapeHtml(t.scheme)}</th><th class="num">${escapeHtml(t.quantity)}</th></tr></thead>
<tbody>
${blockRows}
</tbody>
</table></div>
</section>
<section class="card" aria-labelledby="proof-h">
<h2 id="proof-h">${escapeHtml(t.proof)}</h2>
<dl class="fields">
${row(t.digest, `<code>${escapeHtml(doc.digest)}</code>`)}
${row(t.keyId, `<code>${escapeHtml(doc.keyId)}</code>`)}
${row(t.signature, `<code>${escapeHtml(doc.signature)}</code>`)}
</dl>
<p class="note">${escapeHtml(t.proofNote)} <a href="${escapeHtml(`${base}/v1/certificate-keys`)}">/v1/certificate-keys</a></p>
<p class="note">${escapeHtml(t.downloads)}: <a href="${escapeHtml(`${base}/v1/certificates/${n}.pdf`)}">${t.pdf}</a> · <a href="${escapeHtml(`${base}/v1/certificates/${n}`)}">${t.json}</a></p>
</section>`;

  return page({
    lang,
    title: `${t.certificate} ${doc.number}`,
    baseUrl: base,
    switchHref: certHref(base, doc.number, other),
    search: { number: doc.number },
    body,
  });
}

/**
 * The serial page, one page of segments at a time: `ctx.cursor` is the cursor this page was asked
 * with (absent on the first page), `status.nextCursor` the next page's. `errorIn: 'cursor'` says the
 * error is about the page link, not the serial, and links to the first page.
 */
export function renderSerialPage(
  status: SerialStatusView | null,
  lang: Lang,
  ctx: { serial?: string; error?: string; errorIn?: 'serial' | 'cursor'; cursor?: string; baseUrl: string },
): string {
  const t = T[lang];
  const base = trimBase(ctx.baseUrl);
  const other: Lang = lang === 'ja' ? 'en' : 'ja';
  const serial = (status?.serial ?? ctx.serial ?? '').trim();
  const switchHref = serial ? serialHref(base, serial, other, status ? ctx.cursor : undefined) : `${base}/verify?lang=${other}`;

  if (!status) {
    const cursorError = ctx.errorIn === 'cursor';
    const message = ctx.error
      ? `<p class="revocation">${escapeHtml(cursorError ? t.cursorError : t.serialError)}: ${escapeHtml(ctx.error)}</p>` +
        (cursorError && serial ? `\n<p><a href="${escapeHtml(serialHref(base, serial, lang))}">${escapeHtml(t.firstPage)}</a></p>` : '')
      : `<p>${escapeHtml(serial ? t.serialNotFound : t.serialAsk)}</p>`;
    return page({
      lang,
      title: t.serialTitle,
      baseUrl: base,
      switchHref,
      search: { serial },
      body: `<section class="card">
<h1>${escapeHtml(t.serialTitle)}</h1>
${serial ? `<p><code>${escapeHtml(serial)}</code></p>` : ''}
${message}
</section>`,
    });
  }

  const paged = Boolean(ctx.cursor || status.nextCursor);
  const totals: Record<SegmentStatus, bigint> = { retired: 0n, held: 0n, unknown: 0n };
  for (const s of status.segments) {
    const size = rangeSize(s.start, s.end);
    if (size) totals[s.status] += BigInt(size);
  }
  const summary = (Object.keys(totals) as SegmentStatus[])
    .filter((k) => totals[k] > 0n)
    .map((k) => `<span class="part"><span class="seg seg-${k}">${escapeHtml(t.segment[k])}</span> ${escapeHtml(formatQuantity(totals[k].toString()))}</span>`)
    .join(' ');

  const segRows = status.segments
    .map((s) => {
      const cert = s.certificateNumber
        ? `<a href="${escapeHtml(certHref(base, s.certificateNumber, lang))}">${escapeHtml(s.certificateNumber)}</a>`
        : '';
      const details = [
        s.retiredOn ? `${escapeHtml(t.retiredOn)}: ${escapeHtml(s.retiredOn)}` : '',
        s.beneficiary ? `${escapeHtml(t.beneficiary)}: ${escapeHtml(s.beneficiary)}` : '',
      ]
        .filter(Boolean)
        .map((d) => `<span class="sub">${d}</span>`)
        .join('');
      return `<tr class="segment segment-${s.status}"><td class="mono" data-label="${escapeHtml(t.range)}">${escapeHtml(s.start)} – ${escapeHtml(s.end)}</td><td class="num" data-label="${escapeHtml(t.units)}">${escapeHtml(formatQuantity(rangeSize(s.start, s.end)))}</td><td data-label="${escapeHtml(t.status)}"><span class="seg seg-${s.status}">${escapeHtml(t.segment[s.status])}</span></td><td>${cert}${details}</td></tr>`;
    })
    .join('\n');

  const body = `<section class="card" aria-labelledby="serial-h">
<p class="note">${escapeHtml(t.serialTitle)}</p>
<h1 id="serial-h">${escapeHtml(status.serial)}</h1>
<dl class="fields">
${row(t.scheme, escapeHtml(status.scheme))}
${row(t.namespace, `<code>${escapeHtml(status.namespace)}</code>`)}
${row(t.range, `<span class="mono">${escapeHtml(status.start)} – ${escapeHtml(status.end)}</span>`)}
${row(t.units, escapeHtml(formatQuantity(rangeSize(status.start, status.end))))}
${paged ? row(t.thisPage, pageRange(status)) : ''}
${row(paged ? t.summaryPage : t.summary, summary)}
</dl>
</section>
<section class="card">
<div class="table-wrap"><table class="stack">
<thead><tr><th>${escapeHtml(t.range)}</th><th class="num">${escapeHtml(t.units)}</th><th>${escapeHtml(t.status)}</th><th>${escapeHtml(t.certificateCol)}</th></tr></thead>
<tbody>
${segRows}
</tbody>
</table></div>
${status.segments.some((s) => s.status === 'unknown') ? `<p class="note">${escapeHtml(t.unknownNote)}</p>` : ''}
${paged ? pager(base, status.serial, lang, ctx.cursor, status.nextCursor) : ''}
</section>`;

  return page({ lang, title: `${t.serialTitle} ${status.serial}`, baseUrl: base, switchHref, search: { serial }, body });
}

function pageRange(status: SerialStatusView): string {
  const first = status.segments[0];
  const last = status.segments[status.segments.length - 1];
  return first && last ? `<span class="mono">${escapeHtml(first.start)} – ${escapeHtml(last.end)}</span>` : '';
}

/** Plain links (no JavaScript): back to the first page when on a later one, on to the next when there is one. */
function pager(base: string, serial: string, lang: Lang, cursor: string | undefined, nextCursor: string | undefined): string {
  const t = T[lang];
  const first = cursor ? `<a href="${escapeHtml(serialHref(base, serial, lang))}" rel="first">${escapeHtml(t.firstPage)}</a>` : '<span></span>';
  const next = nextCursor ? `<a href="${escapeHtml(serialHref(base, serial, lang, nextCursor))}" rel="next">${escapeHtml(t.nextPage)}</a>` : '';
  return `<p class="note">${escapeHtml(t.pageNote(STATUS_PAGE_SEGMENTS))}</p>
<nav class="pager" aria-label="${escapeHtml(t.pages)}">${first}${next}</nav>`;
}

/** `GET /verify` with no query: the search forms only. */
export function renderSearchPage(lang: Lang, ctx: { baseUrl: string }): string {
  const t = T[lang];
  const base = trimBase(ctx.baseUrl);
  return page({
    lang,
    title: t.site,
    baseUrl: base,
    switchHref: `${base}/verify?lang=${lang === 'ja' ? 'en' : 'ja'}`,
    search: {},
    body: `<section class="card"><h1>${escapeHtml(t.site)}</h1><p>${escapeHtml(t.notFoundNoNumber)} / ${escapeHtml(t.serialAsk)}</p></section>`,
  });
}
