#!/usr/bin/env node
// Renders the sample certificates and verify pages, then turns them into PNGs to look at:
//   node test/support/render-check/render-samples.js [outDir]      (default: test-output/render-check)
// PDF → PNG needs pdftoppm (Debian poppler-utils); HTML → PNG needs Debian chromium. Missing tools are
// reported and skipped. Chromium gets a fontconfig that adds the npm package's Noto Sans JP, so the
// screenshots show Japanese even on a machine without CJK system fonts.
require('./register-ts');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync, spawnSync } = require('node:child_process');

const root = path.resolve(__dirname, '../../..');
const render = path.join(root, 'libs/documents/src/certificates');
const { renderCertificatePdf } = require(path.join(render, 'certificate-pdf.ts'));
const pages = require(path.join(render, 'verify-page.ts'));
const samples = require(path.join(render, 'certificate-samples.ts'));
const { certificateVerifyUrl } = require(path.join(render, 'certificate-format.ts'));
const { resolveJapaneseFont } = require(path.join(render, 'japanese-font.ts'));

const outDir = path.resolve(process.argv[2] ?? path.join(root, 'test-output/render-check'));
const baseUrl = process.env.PUBLIC_BASE_URL ?? 'https://registry.example.jp';

function has(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
}

/** A certificate with many blocks, to see the table continue over pages. */
function manyBlocks() {
  const base = samples.SAMPLE_VALID_CERTIFICATE;
  const blocks = Array.from({ length: 45 }, (_, i) => {
    const start = 2000001 + i * 100;
    return { serial: `JCL-ERL-R012-${start}-${start + 99}`, scheme: 'JCREDIT', schemeName: 'J-クレジット / J-Credit', quantity: '100', unit: 't-CO2e' };
  });
  return { ...base, number: 'RC-2026-000200', quantity: '4500', serials: blocks.map((b) => b.serial), blocks, evidence: null, claim: null, claimId: null };
}

function pdfToPng(pdfFile, pngPrefix, allPages = false) {
  const args = ['-png', '-r', '80', ...(allPages ? [] : ['-f', '1', '-l', '1']), pdfFile, pngPrefix];
  execFileSync('pdftoppm', args);
}

function screenshot(htmlFile, pngFile, width, height, fontsConf) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'render-check-chromium-'));
  try {
    spawnSync(
      'chromium',
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        `--user-data-dir=${profile}`,
        '--hide-scrollbars',
        `--screenshot=${pngFile}`,
        `--window-size=${width},${height}`,
        `file://${htmlFile}`,
      ],
      { env: { ...process.env, FONTCONFIG_FILE: fontsConf }, stdio: 'ignore', timeout: 60_000 },
    );
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
  if (!fs.existsSync(pngFile)) throw new Error(`chromium wrote no screenshot for ${htmlFile}`);
}

function fontconfigWithJapanese(dir) {
  const fontDir = path.dirname(resolveJapaneseFont().regular.path);
  const file = path.join(dir, 'fonts.conf');
  fs.writeFileSync(
    file,
    `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>${fontDir}</dir>
  <cachedir>${path.join(dir, 'fontconfig-cache')}</cachedir>
</fontconfig>
`,
  );
  return file;
}

async function main() {
  fs.mkdirSync(outDir, { recursive: true });
  const written = [];

  const certs = { valid: samples.SAMPLE_VALID_CERTIFICATE, revoked: samples.SAMPLE_REVOKED_CERTIFICATE, many: manyBlocks() };
  for (const [name, doc] of Object.entries(certs)) {
    const file = path.join(outDir, `certificate-${name}.pdf`);
    const started = Date.now();
    fs.writeFileSync(file, await renderCertificatePdf(doc, { verifyUrl: certificateVerifyUrl(baseUrl, doc.number) }));
    console.log(`${file} (${Date.now() - started} ms)`);
    written.push(file);
  }

  const html = {
    'verify-valid-ja': pages.renderCertificatePage(certs.valid, 'ja', { baseUrl }),
    'verify-revoked-en': pages.renderCertificatePage(certs.revoked, 'en', { baseUrl }),
    'verify-notfound-ja': pages.renderCertificatePage(null, 'ja', { number: 'RC-2026-999999', baseUrl }),
    'serial-ja': pages.renderSerialPage(samples.SAMPLE_SERIAL_STATUS, 'ja', { baseUrl }),
    'serial-error-en': pages.renderSerialPage(null, 'en', { serial: 'JCL-???', error: 'certificationNo: expected 1–20 letters and digits', baseUrl }),
  };
  for (const [name, text] of Object.entries(html)) {
    const file = path.join(outDir, `${name}.html`);
    fs.writeFileSync(file, text);
    written.push(file);
  }

  if (has('pdftoppm')) {
    for (const name of Object.keys(certs)) {
      pdfToPng(path.join(outDir, `certificate-${name}.pdf`), path.join(outDir, `certificate-${name}`), name === 'many');
    }
    written.push(...fs.readdirSync(outDir).filter((f) => /^certificate-.*\.png$/.test(f)).map((f) => path.join(outDir, f)));
  } else {
    console.log('pdftoppm not found (apt-get install -y poppler-utils): skipped PDF → PNG');
  }

  if (has('chromium')) {
    const fontsConf = fontconfigWithJapanese(outDir);
    for (const name of Object.keys(html)) {
      const png = path.join(outDir, `${name}.png`);
      screenshot(path.join(outDir, `${name}.html`), png, 1000, 1400, fontsConf);
      written.push(png);
    }
    const phone = path.join(outDir, 'serial-ja-phone.png');
    screenshot(path.join(outDir, 'serial-ja.html'), phone, 390, 1100, fontsConf);
    const phoneCert = path.join(outDir, 'verify-valid-ja-phone.png');
    screenshot(path.join(outDir, 'verify-valid-ja.html'), phoneCert, 390, 1400, fontsConf);
    written.push(phone, phoneCert);
  } else {
    console.log('chromium not found (apt-get install -y chromium): skipped HTML screenshots');
  }

  console.log([...new Set(written)].filter((f) => f.endsWith('.png')).join('\n'));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
