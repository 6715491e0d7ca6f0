import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { qrCodeRuns, renderCertificatePdf } from './certificate-pdf';
import { type FullCertificateDocument, SAMPLE_REVOKED_CERTIFICATE, SAMPLE_VALID_CERTIFICATE } from './certificate-samples';
import type { CertificateDocument } from '@registry/ledger';
import { certificateVerifyUrl } from './certificate-format';

const BASE = 'https://registry.example.jp';
const verifyUrl = (doc: CertificateDocument) => certificateVerifyUrl(BASE, doc.number);

const hasTool = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const HAS_PDFTOTEXT = hasTool('pdftotext');
const HAS_PDFTOPPM = hasTool('pdftoppm');
const NO_POPPLER = '(skipped: pdftotext/pdftoppm not installed — apt-get install -y poppler-utils)';
const withPdftotext = HAS_PDFTOTEXT ? it : it.skip;
const withPdftoppm = HAS_PDFTOPPM ? it : it.skip;
if (!HAS_PDFTOTEXT || !HAS_PDFTOPPM) {
  console.warn(`certificate-pdf.spec: text extraction / QR decoding from the rendered page ${NO_POPPLER}`);
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'certificate-pdf-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function pdfText(pdf: Buffer, name: string): string {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

/** pdftotext breaks lines where the layout wraps; compare without whitespace. */
const squash = (s: string) => s.replace(/\s+/g, '');

function pageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type \/Page(?!s)/g) ?? []).length;
}

function manyBlocks(count: number): FullCertificateDocument {
  const blocks = Array.from({ length: count }, (_, i) => {
    const start = 5000001 + i * 10;
    return { serial: `JCL-ERL-R099-${start}-${start + 9}`, scheme: 'JCREDIT', schemeName: 'J-クレジット / J-Credit', quantity: '10', unit: 't-CO2e' };
  });
  return { ...SAMPLE_VALID_CERTIFICATE, number: 'RC-2026-000999', serials: blocks.map((b) => b.serial), blocks, quantity: String(count * 10) };
}

describe('renderCertificatePdf', () => {
  let valid: Buffer;
  let revoked: Buffer;
  beforeAll(async () => {
    valid = await renderCertificatePdf(SAMPLE_VALID_CERTIFICATE, { verifyUrl: verifyUrl(SAMPLE_VALID_CERTIFICATE) });
    revoked = await renderCertificatePdf(SAMPLE_REVOKED_CERTIFICATE, { verifyUrl: verifyUrl(SAMPLE_REVOKED_CERTIFICATE) });
  }, 30_000);

  it('is a PDF of one A4 page that names the certificate and links to the verify page', () => {
    expect(valid.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(valid.subarray(-6).toString('latin1')).toMatch(/%%EOF\s*$/);
    expect(pageCount(valid)).toBe(1);
    const raw = valid.toString('latin1');
    expect(raw).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    expect(raw).toContain(`(${SAMPLE_VALID_CERTIFICATE.number}, `); // Info /Keywords
    expect(raw).toContain(`/URI (${verifyUrl(SAMPLE_VALID_CERTIFICATE)})`); // the link under the printed URL
    expect(raw).toMatch(/\/FontFile3|\/FontFile2/); // the Japanese font is embedded
  });

  it('renders the same bytes for the same certificate, dated from issuedAt', async () => {
    const again = await renderCertificatePdf(SAMPLE_VALID_CERTIFICATE, { verifyUrl: verifyUrl(SAMPLE_VALID_CERTIFICATE) });
    expect(again.equals(valid)).toBe(true);
    expect(valid.toString('latin1')).toContain('(D:20260302011500Z)');
    const later = await renderCertificatePdf({ ...SAMPLE_VALID_CERTIFICATE, issuedAt: '2026-03-03T00:00:00.000Z' }, { verifyUrl: verifyUrl(SAMPLE_VALID_CERTIFICATE) });
    expect(later.toString('latin1')).toContain('(D:20260303000000Z)');
    expect(later.equals(valid)).toBe(false);
  });

  it('shares one parsed font between PDFs without one PDF changing the next (glyphs subset per document)', async () => {
    const options = { verifyUrl: verifyUrl(SAMPLE_VALID_CERTIFICATE) };
    // Concurrent renders with other glyphs in between, as a worker with WORKER_CONCURRENCY > 1 does.
    const [, interleaved] = await Promise.all([
      renderCertificatePdf({ ...SAMPLE_REVOKED_CERTIFICATE, purpose: '鬱蒼とした森林の保全（特別な漢字）' }, { verifyUrl: verifyUrl(SAMPLE_REVOKED_CERTIFICATE) }),
      renderCertificatePdf(SAMPLE_VALID_CERTIFICATE, options),
    ]);
    expect(interleaved.equals(valid)).toBe(true);
    expect((await renderCertificatePdf(SAMPLE_VALID_CERTIFICATE, options)).equals(valid)).toBe(true);
  });

  withPdftotext(`has every field in extractable Japanese and English text ${HAS_PDFTOTEXT ? '' : NO_POPPLER}`, () => {
    const doc = SAMPLE_VALID_CERTIFICATE;
    const text = squash(pdfText(valid, 'valid'));
    const expected = [
      '償却証明書',
      'Certificate of Retirement',
      doc.number,
      doc.holder.name,
      doc.holder.id,
      doc.beneficiary,
      doc.purpose,
      doc.retiredOn,
      '1,750t-CO2e',
      'CN',
      doc.claim!.number!,
      '2025-04-01〜2026-03-31',
      doc.evidence!.reference,
      doc.digest,
      doc.keyId,
      doc.signature,
      verifyUrl(doc),
      ...doc.blocks.flatMap((b) => [b.schemeName, `${b.quantity}t-CO2e`]),
      ...['保有者', 'Holder', '受益者', 'Beneficiary', '償却日', 'Retirement date', '管理レジストリの記録'],
    ];
    for (const piece of expected) expect(text).toContain(squash(piece));
    // A serial wrapped at ' - ' loses its hyphen in pdftotext's de-hyphenation: compare without '-'.
    for (const b of doc.blocks) expect(text.replace(/-/g, '')).toContain(squash(b.serial).replace(/-/g, ''));
    expect(text).not.toContain('REVOKED');
  });

  withPdftotext(`marks a revoked certificate 無効 / REVOKED with the reason ${HAS_PDFTOTEXT ? '' : NO_POPPLER}`, () => {
    const text = squash(pdfText(revoked, 'revoked'));
    expect(text).toContain('無効/REVOKED');
    expect(text).toContain(squash(SAMPLE_REVOKED_CERTIFICATE.revocation!.reason));
    expect(text).toContain('2026-04-1015:00JST(UTC+9)');
  });

  it('continues the serial table over more pages, each block once', async () => {
    const doc = manyBlocks(120);
    const pdf = await renderCertificatePdf(doc, { verifyUrl: verifyUrl(doc) });
    expect(pageCount(pdf)).toBeGreaterThanOrEqual(3);
    if (!HAS_PDFTOTEXT) return; // page count checked above; text needs poppler
    const text = pdfText(pdf, 'many');
    for (const b of doc.blocks) expect(text.split(b.serial).length - 1).toBe(1);
    const pages = pageCount(pdf);
    expect(squash(text)).toContain(squash(`${doc.number} · ${pages} / ${pages}`));
  }, 30_000);

  it('renders a certificate that has only the API.md core fields (signed before display fields existed)', async () => {
    const { holder, blocks, retiredOn, evidence, claim, ...core } = SAMPLE_VALID_CERTIFICATE;
    void [holder, blocks, retiredOn, evidence, claim];
    const pdf = await renderCertificatePdf(core, { verifyUrl: verifyUrl(core) });
    expect(pageCount(pdf)).toBe(1);
    if (!HAS_PDFTOTEXT) return;
    const text = pdfText(pdf, 'core').replace(/[\s-]/g, '');
    for (const serial of core.serials) expect(text).toContain(serial.replace(/[\s-]/g, ''));
    expect(text).toContain(core.claimId!.replace(/[\s-]/g, ''));
  });

  it('keeps an overlong purpose from pushing the proof and serials off the first page', async () => {
    const doc = { ...SAMPLE_VALID_CERTIFICATE, purpose: '長い目的の説明。'.repeat(300), beneficiary: 'Beneficiary '.repeat(80) };
    const pdf = await renderCertificatePdf(doc, { verifyUrl: verifyUrl(doc) });
    expect(pageCount(pdf)).toBe(1);
  });

  it('draws a QR code that decodes to the verify URL (module runs rasterised, no poppler needed)', () => {
    const url = verifyUrl(SAMPLE_VALID_CERTIFICATE);
    const { size, runs } = qrCodeRuns(url);
    const scale = 6;
    const width = (size + 8) * scale;
    const rgba = new Uint8ClampedArray(width * width * 4).fill(255);
    for (const run of runs) {
      for (let dy = 0; dy < scale; dy++) {
        for (let dx = 0; dx < run.length * scale; dx++) {
          const px = ((run.row + 4) * scale + dy) * width + (run.col + 4) * scale + dx;
          rgba.fill(0, px * 4, px * 4 + 3);
        }
      }
    }
    expect(jsQR(rgba, width, width)?.data).toBe(url);
  });

  withPdftoppm(`has a QR code on the rendered first page that decodes to the verify URL ${HAS_PDFTOPPM ? '' : NO_POPPLER}`, () => {
    const file = join(dir, 'qr.pdf');
    writeFileSync(file, revoked);
    execFileSync('pdftoppm', ['-png', '-r', '150', '-f', '1', '-l', '1', '-singlefile', file, join(dir, 'qr')]);
    const png = PNG.sync.read(readFileSync(join(dir, 'qr.png')));
    const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(code?.data).toBe(verifyUrl(SAMPLE_REVOKED_CERTIFICATE));
  }, 30_000);
});
