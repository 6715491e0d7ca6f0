import { createHash } from 'node:crypto';
import { SAMPLE_REVOKED_CERTIFICATE, SAMPLE_SERIAL_STATUS, SAMPLE_VALID_CERTIFICATE } from './certificate-samples';
import type { CertificateDocument } from '@registry/ledger';
import type { SerialStatusView } from './serial-status-view';
import {
  VERIFY_PAGE_STYLE,
  VERIFY_PAGE_STYLE_HASH,
  escapeHtml,
  pickLang,
  renderCertificatePage,
  renderSearchPage,
  renderSerialPage,
  resolveVerifyQuery,
  verifyPageCsp,
} from './verify-page';

const BASE = 'https://registry.example.jp';
const ctx = { baseUrl: BASE };
const XSS = '<script>alert("x")</script>';

function allPages(): string[] {
  return (['ja', 'en'] as const).flatMap((lang) => [
    renderCertificatePage(SAMPLE_VALID_CERTIFICATE, lang, ctx),
    renderCertificatePage(SAMPLE_REVOKED_CERTIFICATE, lang, ctx),
    renderCertificatePage(null, lang, { ...ctx, number: 'RC-2026-999999' }),
    renderCertificatePage(null, lang, ctx),
    renderSerialPage(SAMPLE_SERIAL_STATUS, lang, ctx),
    renderSerialPage(null, lang, { ...ctx, serial: 'X-1', error: 'bad serial' }),
    renderSerialPage(null, lang, { ...ctx, serial: 'X-1' }),
    renderSerialPage({ ...SAMPLE_SERIAL_STATUS, nextCursor: 'next' }, lang, { ...ctx, cursor: 'this' }),
    renderSerialPage(null, lang, { ...ctx, serial: 'X-1', error: 'bad cursor', errorIn: 'cursor' }),
    renderSearchPage(lang, ctx),
  ]);
}

/** The text of an element with this class, e.g. the badge. */
function classText(html: string, cls: string): string[] {
  return [...html.matchAll(new RegExp(`<span class="[^"]*\\b${cls}\\b[^"]*">([^<]*)</span>`, 'g'))].map((m) => m[1]);
}

describe('escapeHtml', () => {
  it('escapes the five HTML-significant characters and nothing else', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
    expect(escapeHtml('株式会社みどり製菓 1,000')).toBe('株式会社みどり製菓 1,000');
    expect(escapeHtml(undefined)).toBe('');
  });
});

describe('verify pages: structure', () => {
  it('are complete documents with lang, charset, viewport, and no script at all', () => {
    for (const html of allPages()) {
      expect(html.startsWith('<!doctype html>\n<html lang="')).toBe(true);
      expect(html).toContain('<meta charset="utf-8">');
      expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
      expect(html).toMatch(/<\/html>\n$/);
      expect(html.toLowerCase()).not.toContain('<script');
      expect(html).not.toMatch(/\son[a-z]+=/i); // no inline event handlers
      expect(html).not.toContain('javascript:');
      expect(html).not.toMatch(/<(img|iframe)\b/); // no external assets
      // The one <link>: the answering server's own icon (root-relative, so img-src 'self' covers it).
      expect([...html.matchAll(/<link\b[^>]*>/g)].map((m) => m[0])).toEqual(['<link rel="icon" href="/favicon.svg" type="image/svg+xml">']);
      expect(html).not.toMatch(/\sstyle=/); // only the one <style> block, so CSP can pin it by hash
    }
  });

  it('sets the html lang attribute to the page language', () => {
    expect(renderCertificatePage(SAMPLE_VALID_CERTIFICATE, 'ja', ctx)).toContain('<html lang="ja">');
    expect(renderCertificatePage(SAMPLE_VALID_CERTIFICATE, 'en', ctx)).toContain('<html lang="en">');
    expect(renderSerialPage(SAMPLE_SERIAL_STATUS, 'en', ctx)).toContain('<html lang="en">');
  });

  it('has exactly one <style> block, matching the hash the CSP pins (no unsafe-inline needed)', () => {
    const html = renderCertificatePage(SAMPLE_VALID_CERTIFICATE, 'ja', ctx);
    const blocks = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)];
    expect(blocks).toHaveLength(1);
    expect(blocks[0][1]).toBe(VERIFY_PAGE_STYLE);
    const hash = `sha256-${createHash('sha256').update(blocks[0][1], 'utf8').digest('base64')}`;
    expect(VERIFY_PAGE_STYLE_HASH).toBe(hash);
    const csp = verifyPageCsp(`${BASE}/`);
    expect(csp).toContain(`style-src '${hash}'`);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`form-action 'self' ${BASE}`);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('script-src');
    expect(verifyPageCsp('')).toContain("form-action 'self';");
  });

  it("lets the icon through the CSP: img-src 'self' and nothing else", () => {
    for (const base of [`${BASE}/`, '']) expect(verifyPageCsp(base).split('; ')).toContain("img-src 'self'");
  });

  it('has GET search forms for a certificate number and a serial, keeping the language', () => {
    const html = renderCertificatePage(SAMPLE_VALID_CERTIFICATE, 'en', ctx);
    const forms = [...html.matchAll(/<form class="search" method="get" action="([^"]+)">([\s\S]*?)<\/form>/g)];
    expect(forms.map((f) => f[1])).toEqual([`${BASE}/verify`, `${BASE}/verify`]);
    expect(forms[0][2]).toMatch(/name="number" value="RC-2026-000123"/);
    expect(forms[1][2]).toMatch(/name="serial" value=""/);
    for (const f of forms) expect(f[2]).toContain('<input type="hidden" name="lang" value="en">');
  });

  it('links to the same page in the other language', () => {
    expect(renderCertificatePage(SAMPLE_VALID_CERTIFICATE, 'ja', ctx)).toContain(
      `<a class="lang" href="${BASE}/verify/RC-2026-000123?lang=en" hreflang="en" lang="en">English</a>`,
    );
    expect(renderCertificatePage(SAMPLE_VALID_CERTIFICATE, 'en', ctx)).toContain(
      `<a class="lang" href="${BASE}/verify/RC-2026-000123?lang=ja" hreflang="ja" lang="ja">日本語</a>`,
    );
    expect(renderSerialPage(SAMPLE_SERIAL_STATUS, 'ja', ctx)).toContain(
      `href="${BASE}/verify?serial=JCL-ERL-R012-999001-1001000&amp;lang=en" hreflang="en"`,
    );
    expect(renderSearchPage('en', ctx)).toContain(`href="${BASE}/verify?lang=ja" hreflang="ja"`);
  });
});

describe('renderCertificatePage', () => {
  it('shows a green Valid badge, per language, and no revoked badge', () => {
    const ja = renderCertificatePage(SAMPLE_VALID_CERTIFICATE, 'ja', ctx);
    const en = renderCertificatePage(SAMPLE_VALID_CERTIFICATE, 'en', ctx);
    expect(classText(ja, 'badge-valid')).toEqual(['有効 / Valid']);
    expect(classText(en, 'badge-valid')).toEqual(['Valid / 有効']);
    for (const html of [ja, en]) {
      expect(classText(html, 'badge-revoked')).toEqual([]);
      expect(html).not.toContain('class="revocation"');
    }
    expect(VERIFY_PAGE_STYLE).toMatch(/\.badge-valid\{color:var\(--green\)/);
  });

  it('shows a red Revoked badge with the reason and date, per language', () => {
    const ja = renderCertificatePage(SAMPLE_REVOKED_CERTIFICATE, 'ja', ctx);
    const en = renderCertificatePage(SAMPLE_REVOKED_CERTIFICATE, 'en', ctx);
    expect(classText(ja, 'badge-revoked')).toEqual(['無効 / Revoked']);
    expect(classText(en, 'badge-revoked')).toEqual(['Revoked / 無効']);
    expect(classText(ja, 'badge-valid')).toEqual([]);
    const reason = escapeHtml(SAMPLE_REVOKED_CERTIFICATE.revocation!.reason);
    expect(ja).toContain(`<p>取消理由: ${reason}</p>`);
    expect(ja).toContain('<p>取消日時: 2026-04-10 15:00 JST (UTC+9)</p>');
    expect(en).toContain(`<p>Reason: ${reason}</p>`);
    expect(VERIFY_PAGE_STYLE).toMatch(/\.badge-revoked\{color:var\(--red\)/);
  });

  it('lists every serial with a link to its status page, scheme and quantity', () => {
    const html = renderCertificatePage(SAMPLE_VALID_CERTIFICATE, 'ja', ctx);
    const rows = html.match(/<tr><td class="serial"/g) ?? [];
    expect(rows).toHaveLength(SAMPLE_VALID_CERTIFICATE.blocks.length);
    for (const b of SAMPLE_VALID_CERTIFICATE.blocks) {
      expect(html).toContain(`<a href="${escapeHtml(`${BASE}/verify?serial=${encodeURIComponent(b.serial)}&lang=ja`)}">${escapeHtml(b.serial)}</a>`);
      expect(html).toContain(escapeHtml(b.schemeName));
      expect(html).toContain(`${b.quantity} ${b.unit}</td>`);
    }
    expect(html).toContain('1,750 t-CO2e');
    expect(html).toContain(SAMPLE_VALID_CERTIFICATE.digest);
    expect(html).toContain(`href="${BASE}/v1/certificates/RC-2026-000123.pdf"`);
  });

  it('escapes user data everywhere it appears', () => {
    const evil: CertificateDocument = {
      ...SAMPLE_REVOKED_CERTIFICATE,
      number: `RC-1"><b>`,
      beneficiary: XSS,
      purpose: `${XSS} & more`,
      holder: { id: 'org_1', name: `<img src=x onerror=alert(1)>` },
      evidence: { registry: XSS, reference: `"'><svg>` },
      revocation: { reason: XSS, at: '2026-04-10T06:00:00.000Z' },
      claim: { type: XSS, number: XSS, period: { start: XSS, end: '2026-03-31' } },
      blocks: [{ serial: `${XSS}-1-2`, scheme: XSS, schemeName: XSS, quantity: '1', unit: XSS }],
    };
    for (const lang of ['ja', 'en'] as const) {
      const html = renderCertificatePage(evil, lang, ctx);
      expect(html.toLowerCase()).not.toContain('<script');
      expect(html).not.toContain('<img');
      expect(html).not.toContain('<svg');
      expect(html).not.toContain('"><b>');
      expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
      expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more');
      expect(html).toContain(`/verify/RC-1%22%3E%3Cb%3E?lang=`); // URLs are percent-encoded
    }
  });

  it('renders a certificate that has only the API.md core fields (signed before display fields existed)', () => {
    const { holder, blocks, retiredOn, evidence, claim, ...core } = SAMPLE_VALID_CERTIFICATE;
    void [holder, blocks, retiredOn, evidence, claim];
    const html = renderCertificatePage(core, 'en', ctx);
    expect(classText(html, 'badge-valid')).toEqual(['Valid / 有効']);
    expect(html.match(/<tr><td class="serial"/g)).toHaveLength(core.serials.length);
    expect(html).toContain(`<dt>Claim</dt><dd><span class="mono">${core.claimId}</span></dd>`);
    expect(html).toContain('<dt>Quantity retired</dt><dd>1,750</dd>');
    expect(html).toContain('<dt>Holder</dt><dd>—</dd>');
  });

  it('answers a friendly not-found page, with the number escaped and kept in the search box', () => {
    const ja = renderCertificatePage(null, 'ja', { ...ctx, number: `RC-9"<script>` });
    expect(ja).toContain('<h1>証明書が見つかりません</h1>');
    expect(ja).toContain('証明書番号「RC-9&quot;&lt;script&gt;」の証明書は登録されていません');
    expect(ja).toContain('name="number" value="RC-9&quot;&lt;script&gt;"');
    expect(ja.toLowerCase()).not.toContain('<script');
    const en = renderCertificatePage(null, 'en', { ...ctx, number: 'RC-2026-999999' });
    expect(en).toContain('<h1>Certificate not found</h1>');
    expect(classText(en, 'badge-valid').concat(classText(en, 'badge-revoked'))).toEqual([]);
  });
});

describe('renderSerialPage', () => {
  it('lists every segment in order with its status, units and certificate link', () => {
    const html = renderSerialPage(SAMPLE_SERIAL_STATUS, 'ja', ctx);
    const rows = [...html.matchAll(/<tr class="segment segment-(\w+)">([\s\S]*?)<\/tr>/g)];
    expect(rows.map((r) => r[1])).toEqual(['unknown', 'retired', 'held']);
    expect(rows[0][2]).toContain('999001 – 1000000');
    expect(rows[0][2]).toContain('>1,000<');
    expect(rows[1][2]).toContain(`<a href="${BASE}/verify/RC-2026-000123?lang=ja">RC-2026-000123</a>`);
    expect(rows[1][2]).toContain('償却日: 2026-02-27');
    expect(rows[1][2]).toContain('受益者: 株式会社みどり製菓 大阪工場');
    expect(rows[2][2]).toContain('保有中 / Held');
    expect(rows[2][2]).not.toContain('<a ');
    expect(html).toContain('<h1 id="serial-h">JCL-ERL-R012-999001-1001000</h1>');
    expect(html).toMatch(/単位数<\/dt><dd>2,000<\/dd>/);
    expect(html).toContain('記録なし / Not recorded</span> 1,000</span>'); // the breakdown
    expect(html).toContain('本登録簿に記録がない');
  });

  it('labels segments in English on the English page', () => {
    const html = renderSerialPage(SAMPLE_SERIAL_STATUS, 'en', ctx);
    expect(classText(html, 'seg-retired')).toContain('Retired / 償却済み');
    expect(html).toContain('Retirement date: 2026-02-27');
    expect(html).toContain(`<a href="${BASE}/verify/RC-2026-000123?lang=en">`);
  });

  it('counts units of ranges beyond 2^53 exactly', () => {
    const big: SerialStatusView = {
      ...SAMPLE_SERIAL_STATUS,
      start: '90071992547409930',
      end: '90071992547409939',
      segments: [{ start: '90071992547409930', end: '90071992547409939', status: 'held' }],
    };
    expect(renderSerialPage(big, 'en', ctx)).toMatch(/Units<\/dt><dd>10<\/dd>/);
  });

  it('escapes segment data and shows a parse error or a not-found message', () => {
    const evil: SerialStatusView = {
      ...SAMPLE_SERIAL_STATUS,
      serial: XSS,
      segments: [{ start: '1', end: '2', status: 'retired', certificateNumber: XSS, beneficiary: XSS }],
    };
    const html = renderSerialPage(evil, 'ja', ctx);
    expect(html.toLowerCase()).not.toContain('<script');
    expect(html).toContain('受益者: &lt;script&gt;');

    const error = renderSerialPage(null, 'en', { ...ctx, serial: XSS, error: `bad <b>field</b>` });
    expect(error).toContain('The serial number could not be read: bad &lt;b&gt;field&lt;/b&gt;');
    expect(error.toLowerCase()).not.toContain('<script');

    expect(renderSerialPage(null, 'ja', { ...ctx, serial: 'JCL-ERL-R012-1-2' })).toContain('このシリアル番号の記録はありません。');
  });
});

describe('renderSerialPage paging', () => {
  const paged: SerialStatusView = { ...SAMPLE_SERIAL_STATUS, nextCursor: 'djEuMTAwMQ' };
  const links = (html: string) => [...html.matchAll(/<a href="([^"]+)" rel="(first|next)">([^<]+)<\/a>/g)].map((m) => [m[2], m[1], m[3]]);

  it('shows no pager when the whole range fits one page', () => {
    const html = renderSerialPage(SAMPLE_SERIAL_STATUS, 'en', ctx);
    expect(html).not.toContain('class="pager"');
    expect(html).toContain('Breakdown</dt>');
  });

  it('links the next page on the first page, and the first page on a later one, as plain links', () => {
    const first = renderSerialPage(paged, 'en', ctx);
    expect(links(first)).toEqual([['next', `${BASE}/verify?serial=JCL-ERL-R012-999001-1001000&amp;cursor=djEuMTAwMQ&amp;lang=en`, 'Next page →']]);
    expect(first).toContain('Breakdown (this page)</dt>');
    expect(first).toMatch(/This page<\/dt><dd><span class="mono">999001 – 1001000<\/span>/);
    expect(first).toContain('Up to 1,000 segments are shown per page.');

    const last = renderSerialPage(SAMPLE_SERIAL_STATUS, 'ja', { ...ctx, cursor: 'abc' });
    expect(links(last)).toEqual([['first', `${BASE}/verify?serial=JCL-ERL-R012-999001-1001000&amp;lang=ja`, '← 最初のページ']]);
    expect(last).toContain('内訳（このページ）');
    // The other language shows the same page.
    expect(last).toContain(`href="${BASE}/verify?serial=JCL-ERL-R012-999001-1001000&amp;cursor=abc&amp;lang=en" hreflang="en"`);
  });

  it('escapes the cursor into the links', () => {
    const html = renderSerialPage({ ...SAMPLE_SERIAL_STATUS, nextCursor: '"><script>' }, 'en', ctx);
    expect(html.toLowerCase()).not.toContain('<script');
    expect(html).toContain('cursor=%22%3E%3Cscript%3E');
  });

  it('says an unreadable page link is about the link, and links to the first page', () => {
    const html = renderSerialPage(null, 'en', { ...ctx, serial: 'JCL-ERL-R012-1-2', error: 'cursor is not one this endpoint gave out', errorIn: 'cursor' });
    expect(html).toContain('The page link could not be read: cursor is not one');
    expect(html).toContain(`<a href="${BASE}/verify?serial=JCL-ERL-R012-1-2&amp;lang=en">← First page</a>`);
  });
});

describe('request helpers', () => {
  it('picks the language from ?lang, then Accept-Language, defaulting to Japanese', () => {
    expect(pickLang('en', 'ja')).toBe('en');
    expect(pickLang('ja', 'en-US')).toBe('ja');
    expect(pickLang('fr', 'en-GB,en;q=0.9')).toBe('en');
    expect(pickLang(undefined, 'fr-FR, en;q=0.5, ja;q=0.8')).toBe('ja');
    expect(pickLang(undefined, 'ja;q=0, en;q=0.1')).toBe('en');
    expect(pickLang(undefined, 'de')).toBe('ja');
    expect(pickLang(undefined, undefined)).toBe('ja');
  });

  it('turns the number form into a redirect to /verify/{number}', () => {
    expect(resolveVerifyQuery({ number: ' RC-2026-000123 ', lang: 'en' }, `${BASE}/`)).toEqual({
      kind: 'redirect',
      location: `${BASE}/verify/RC-2026-000123?lang=en`,
    });
    expect(resolveVerifyQuery({ number: 'a/b?c' }, '')).toEqual({ kind: 'redirect', location: '/verify/a%2Fb%3Fc' });
    expect(resolveVerifyQuery({ serial: ' JCL-1 ' }, BASE)).toEqual({ kind: 'serial', serial: 'JCL-1' });
    expect(resolveVerifyQuery({ number: '  ', serial: '' }, BASE)).toEqual({ kind: 'search' });
  });
});
