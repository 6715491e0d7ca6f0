#!/usr/bin/env node
// Renders the sample certificate PDFs, then turns them into PNGs to look at (the verify pages are
// web pages now: test/integration/web-browser.int.ts screenshots them):
//   node test/support/render-check/render-samples.js [outDir]      (default: test-output/render-check)
// PDF → PNG needs pdftoppm (Debian poppler-utils); when it is missing that step is reported and skipped.
require('./register-ts');
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync, spawnSync } = require('node:child_process');

const root = path.resolve(__dirname, '../../..');
const render = path.join(root, 'libs/documents/src/certificates');
const { renderCertificatePdf } = require(path.join(render, 'certificate-pdf.ts'));
const samples = require(path.join(render, 'certificate-samples.ts'));
const { certificateVerifyUrl } = require(path.join(render, 'certificate-format.ts'));

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

  if (has('pdftoppm')) {
    for (const name of Object.keys(certs)) {
      pdfToPng(path.join(outDir, `certificate-${name}.pdf`), path.join(outDir, `certificate-${name}`), name === 'many');
    }
    written.push(...fs.readdirSync(outDir).filter((f) => /^certificate-.*\.png$/.test(f)).map((f) => path.join(outDir, f)));
  } else {
    console.log('pdftoppm not found (apt-get install -y poppler-utils): skipped PDF → PNG');
  }

  console.log([...new Set(written)].filter((f) => f.endsWith('.png')).join('\n'));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
