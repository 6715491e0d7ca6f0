import type PDFDocumentClass from 'pdfkit';
import type * as QRCodeModule from 'qrcode';
import type { CertificateDocument } from '@registry/ledger';
import { certificateBlocks, formatInstant, formatQuantity, totalQuantity } from './certificate-format';
import { loadJapaneseFont } from './japanese-font';

/**
 * The retirement certificate as an A4 PDF (pdfkit), bilingual labels, with a QR code to the public
 * verify page. Japanese text is set in the font `japanese-font.ts` finds (Noto Sans JP by default),
 * subset and embedded. The same certificate gives the same bytes: the PDF's CreationDate/ModDate
 * (and so its file ID) come from `issuedAt`, and nothing else in the output depends on the clock.
 *
 * A PDF cannot know a certificate's later status: a valid one says "check the current status at the
 * verify page"; a revoked one carries a red 無効 / REVOKED mark and the reason. Re-render on
 * revocation (cache by number + status).
 */
export interface CertificatePdfOptions {
  /** `PUBLIC_BASE_URL/verify/{number}` (see `certificateVerifyUrl`). */
  verifyUrl: string;
}

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 48;
const CONTENT_WIDTH = A4.width - 2 * MARGIN;
const FOOTER_HEIGHT = 140; // page 1: proof + QR code
const PAGE_NUMBER_SPACE = 24;

const COLOR = {
  ink: '#1a1a1a',
  muted: '#5f6368',
  rule: '#c8ccd0',
  accent: '#0b5d4b',
  accentLight: '#e8f3ef',
  red: '#c62828',
  redLight: '#fdecea',
};

const F = { regular: 'jp', bold: 'jp-bold', mono: 'Courier' } as const;

type Doc = PDFKit.PDFDocument;

export async function renderCertificatePdf(doc: CertificateDocument, options: CertificatePdfOptions): Promise<Buffer> {
  const font = loadJapaneseFont();
  const issued = new Date(doc.issuedAt);
  const stamp = Number.isNaN(issued.getTime()) ? new Date(0) : issued;

  const PDFDocument = require('pdfkit') as typeof PDFDocumentClass; // loaded on the first PDF (see japanese-font.ts)
  const pdf = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    autoFirstPage: true,
    lang: 'ja-JP',
    displayTitle: true,
    info: {
      Title: `償却証明書 / Retirement Certificate ${doc.number}`,
      Subject: `Retirement certificate ${doc.number}`,
      Keywords: [doc.number, doc.retirementId, doc.digest].join(', '),
      CreationDate: stamp,
      ModDate: stamp,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (c: Buffer) => chunks.push(c));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });

  // pdfkit takes a parsed fontkit font as well as font bytes (its types only list the bytes).
  pdf.registerFont(F.regular, font.regular.parsed as unknown as PDFKit.Mixins.PDFFontSource);
  pdf.registerFont(F.bold, font.bold.parsed as unknown as PDFKit.Mixins.PDFFontSource);

  let y = drawHeader(pdf, doc);
  if (doc.status === 'revoked') y = drawRevokedNotice(pdf, doc, y);
  y = drawFields(pdf, doc, y + 6);
  drawProof(pdf, doc, options.verifyUrl);
  drawBlocks(pdf, doc, y + 14);
  finishPages(pdf, doc);

  pdf.end();
  return done;
}

function drawHeader(pdf: Doc, doc: CertificateDocument): number {
  const top = MARGIN;
  pdf.rect(0, 0, A4.width, 10).fill(COLOR.accent);
  pdf.fillColor(COLOR.ink).font(F.bold).fontSize(24).text('償却証明書', MARGIN, top, { lineBreak: false });
  pdf
    .font(F.regular)
    .fontSize(11)
    .fillColor(COLOR.muted)
    .text('Certificate of Retirement — Carbon Offset Credits', MARGIN, top + 34, { lineBreak: false });

  const right = { x: MARGIN + CONTENT_WIDTH / 2, width: CONTENT_WIDTH / 2 };
  pdf.fontSize(8.5).fillColor(COLOR.muted).text('証明書番号 / Certificate No.', right.x, top + 2, { width: right.width, align: 'right' });
  pdf.font(F.bold).fontSize(15).fillColor(COLOR.ink).text(doc.number, right.x, top + 15, { width: right.width, align: 'right' });
  pdf
    .font(F.regular)
    .fontSize(8.5)
    .fillColor(COLOR.muted)
    .text(`発行日時 / Issued ${formatInstant(doc.issuedAt)}`, right.x, top + 36, { width: right.width, align: 'right' });

  const y = top + 58;
  pdf.moveTo(MARGIN, y).lineTo(A4.width - MARGIN, y).lineWidth(1.2).strokeColor(COLOR.accent).stroke();
  pdf
    .font(F.regular)
    .fontSize(9)
    .fillColor(COLOR.ink)
    .text(
      '下記のクレジットが償却（無効化）され、再び使用されないことを証明します。\nThe credits below have been retired (cancelled) and cannot be used again.',
      MARGIN,
      y + 8,
      { width: CONTENT_WIDTH, lineGap: 1 },
    );
  return pdf.y + 4;
}

function drawRevokedNotice(pdf: Doc, doc: CertificateDocument, y: number): number {
  const reason = doc.revocation?.reason ?? '';
  const at = doc.revocation?.at ? formatInstant(doc.revocation.at) : '';
  const text = `取消理由 / Reason: ${reason || '—'}${at ? `\n取消日時 / Revoked at: ${at}` : ''}`;
  pdf.font(F.regular).fontSize(9.5);
  const textHeight = pdf.heightOfString(text, { width: CONTENT_WIDTH - 150, height: 60, ellipsis: true });
  const height = Math.max(40, textHeight + 16);
  pdf.rect(MARGIN, y + 4, CONTENT_WIDTH, height).fillAndStroke(COLOR.redLight, COLOR.red);
  pdf.font(F.bold).fontSize(16).fillColor(COLOR.red).text('無効 / REVOKED', MARGIN + 10, y + 4 + (height - 20) / 2, { width: 135, lineBreak: false });
  pdf
    .font(F.regular)
    .fontSize(9.5)
    .fillColor(COLOR.ink)
    .text(text, MARGIN + 150, y + 12, { width: CONTENT_WIDTH - 160, height: 60, ellipsis: true });
  return y + 4 + height + 4;
}

interface Field {
  ja: string;
  en: string;
  value: string;
  note?: string;
}

function fieldsOf(doc: CertificateDocument): Field[] {
  const claim = doc.claim;
  const claimValue = claim
    ? [claim.type, claim.number ? `No. ${claim.number}` : null, `${claim.period.start} 〜 ${claim.period.end}`].filter(Boolean).join('  ·  ')
    : (doc.claimId ?? 'なし / None');
  return [
    { ja: '保有者', en: 'Holder', value: doc.holder?.name || '—', note: doc.holder?.id },
    { ja: '受益者', en: 'Beneficiary', value: doc.beneficiary },
    { ja: '償却の目的', en: 'Purpose', value: doc.purpose },
    { ja: '償却日', en: 'Retirement date', value: doc.retiredOn ?? '—' },
    { ja: '償却数量', en: 'Quantity retired', value: totalQuantity(doc) },
    { ja: '対象の申請', en: 'Claim', value: claimValue, note: claim && doc.claimId ? doc.claimId : undefined },
    {
      ja: '管理レジストリの記録',
      en: "Managing registry's record",
      value: doc.evidence ? `${doc.evidence.registry}  ·  ${doc.evidence.reference}` : '保留中 / Pending（管理レジストリの記録番号の登録待ち / awaiting the managing registry\'s reference）',
    },
    { ja: '償却ID', en: 'Retirement ID', value: doc.retirementId },
    ...(doc.version && doc.version > 1
      ? [{ ja: '版', en: 'Version', value: `第${doc.version}版 / version ${doc.version}`, note: '以前の版も検証できます / earlier versions remain verifiable (?version=1)' }]
      : []),
  ];
}

function drawFields(pdf: Doc, doc: CertificateDocument, y: number): number {
  const labelWidth = 150;
  const valueX = MARGIN + labelWidth + 10;
  const valueWidth = CONTENT_WIDTH - labelWidth - 10;
  for (const f of fieldsOf(doc)) {
    pdf.font(F.regular).fontSize(11);
    const valueHeight = pdf.heightOfString(f.value, { width: valueWidth, height: 64, ellipsis: true });
    const noteHeight = f.note ? 12 : 0;
    const rowHeight = Math.max(26, Math.min(valueHeight, 64) + noteHeight + 8);

    pdf.font(F.regular).fontSize(8.5).fillColor(COLOR.muted).text(f.ja, MARGIN, y + 5, { width: labelWidth, lineBreak: false });
    pdf.fontSize(7.5).text(f.en, MARGIN, y + 16, { width: labelWidth, lineBreak: false });
    pdf.font(F.regular).fontSize(11).fillColor(COLOR.ink).text(f.value, valueX, y + 5, { width: valueWidth, height: 64, ellipsis: true });
    if (f.note) {
      pdf.fontSize(7.5).fillColor(COLOR.muted).text(f.note, valueX, y + 5 + Math.min(valueHeight, 64) + 1, { width: valueWidth, lineBreak: false });
    }
    y += rowHeight;
    pdf.moveTo(MARGIN, y).lineTo(A4.width - MARGIN, y).lineWidth(0.5).strokeColor(COLOR.rule).stroke();
  }
  return y;
}

const COLS = [
  { ja: '#', en: '', width: 26, align: 'right' as const },
  { ja: 'シリアル番号', en: 'Serial number', width: 0, align: 'left' as const },
  { ja: '制度', en: 'Scheme', width: 168, align: 'left' as const },
  { ja: '数量', en: 'Quantity', width: 80, align: 'right' as const },
];
COLS[1].width = CONTENT_WIDTH - COLS.reduce((s, c) => s + c.width, 0) - 8 * COLS.length;

function drawBlocks(pdf: Doc, doc: CertificateDocument, y: number): void {
  const firstPageBottom = A4.height - MARGIN - FOOTER_HEIGHT - 8;
  const laterPageBottom = A4.height - MARGIN - PAGE_NUMBER_SPACE;
  let bottom = firstPageBottom;

  pdf.font(F.bold).fontSize(11).fillColor(COLOR.accent).text('償却したクレジット / Retired credits', MARGIN, y, { lineBreak: false });
  y += 18;
  y = drawTableHead(pdf, y);

  const blocks = certificateBlocks(doc);
  blocks.forEach((b, i) => {
    const cells = [
      String(i + 1),
      b.serial,
      b.schemeName || b.scheme,
      b.quantity ? `${formatQuantity(b.quantity)} ${b.unit}`.trim() : '',
    ];
    pdf.font(F.regular).fontSize(9);
    const height = Math.max(...cells.map((c, k) => pdf.heightOfString(c || ' ', { width: COLS[k].width }))) + 8;
    if (y + height > bottom) {
      pdf.addPage();
      bottom = laterPageBottom;
      pdf.font(F.regular).fontSize(8.5).fillColor(COLOR.muted).text(`${doc.number} — 償却したクレジット（続き） / Retired credits (continued)`, MARGIN, MARGIN, { lineBreak: false });
      y = drawTableHead(pdf, MARGIN + 18);
    }
    if (i % 2 === 1) pdf.rect(MARGIN, y, CONTENT_WIDTH, height).fill('#f6f7f8');
    let x = MARGIN;
    cells.forEach((c, k) => {
      const col = COLS[k];
      pdf
        .font(k === 1 ? F.bold : F.regular)
        .fontSize(9)
        .fillColor(k === 0 ? COLOR.muted : COLOR.ink)
        .text(c, x + 4, y + 4, { width: col.width, align: col.align });
      x += col.width + 8;
    });
    y += height;
    pdf.moveTo(MARGIN, y).lineTo(A4.width - MARGIN, y).lineWidth(0.4).strokeColor(COLOR.rule).stroke();
  });
}

function drawTableHead(pdf: Doc, y: number): number {
  const height = 26;
  pdf.rect(MARGIN, y, CONTENT_WIDTH, height).fill(COLOR.accentLight);
  let x = MARGIN;
  for (const col of COLS) {
    pdf.font(F.bold).fontSize(8.5).fillColor(COLOR.accent).text(col.ja, x + 4, y + 3, { width: col.width, align: col.align, lineBreak: false });
    if (col.en) pdf.font(F.regular).fontSize(7).fillColor(COLOR.muted).text(col.en, x + 4, y + 14, { width: col.width, align: col.align, lineBreak: false });
    x += col.width + 8;
  }
  return y + height;
}

/** Page 1's footer: digest, key id, signature, and the QR code to the verify page. */
function drawProof(pdf: Doc, doc: CertificateDocument, verifyUrl: string): void {
  const top = A4.height - MARGIN - FOOTER_HEIGHT;
  const qrSize = 100;
  const qrX = A4.width - MARGIN - qrSize;
  const textWidth = CONTENT_WIDTH - qrSize - 20;

  pdf.moveTo(MARGIN, top).lineTo(A4.width - MARGIN, top).lineWidth(1).strokeColor(COLOR.accent).stroke();
  let y = top + 8;
  pdf.font(F.bold).fontSize(9.5).fillColor(COLOR.accent).text('電子署名 / Digital signature (Ed25519)', MARGIN, y, { lineBreak: false });
  y += 16;
  const line = (label: string, value: string, size = 8) => {
    pdf.font(F.regular).fontSize(7.5).fillColor(COLOR.muted).text(label, MARGIN, y, { lineBreak: false });
    y += 10;
    pdf.font(F.mono).fontSize(size).fillColor(COLOR.ink).text(value, MARGIN, y, { width: textWidth, lineGap: 0.5 });
    y = pdf.y + 4;
  };
  line('ダイジェスト / Digest (SHA-256)', doc.digest);
  line('鍵ID / Key ID', doc.keyId);
  line('署名 / Signature', doc.signature, 6.5);

  drawQr(pdf, verifyUrl, qrX, top + 8, qrSize);
  pdf
    .font(F.regular)
    .fontSize(7.5)
    .fillColor(COLOR.muted)
    .text('現在の状態はこちらで確認 / Check the current status:', MARGIN, top + FOOTER_HEIGHT - 22, { width: textWidth, lineBreak: false });
  pdf.fillColor(COLOR.accent).text(verifyUrl, MARGIN, top + FOOTER_HEIGHT - 12, { width: textWidth + qrSize, lineBreak: false, link: verifyUrl });
}

/** A QR code's dark modules as horizontal runs (module units, no quiet zone). */
export interface QrRuns {
  size: number;
  runs: Array<{ row: number; col: number; length: number }>;
}

export function qrCodeRuns(text: string): QrRuns {
  const qr = (require('qrcode') as typeof QRCodeModule).create(text, { errorCorrectionLevel: 'M' });
  const size = qr.modules.size;
  const runs: QrRuns['runs'] = [];
  for (let row = 0; row < size; row++) {
    let col = 0;
    while (col < size) {
      if (!qr.modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < size && qr.modules.get(row, col)) col++;
      runs.push({ row, col: start, length: col - start });
    }
  }
  return { size, runs };
}

/** The QR code as vector squares (crisp at any zoom, no image), with the standard 4-module quiet zone. */
function drawQr(pdf: Doc, text: string, x: number, y: number, size: number): void {
  const qr = qrCodeRuns(text);
  const cell = size / (qr.size + 8);
  pdf.rect(x, y, size, size).fill('#ffffff');
  for (const run of qr.runs) {
    // A hair larger than the modules so neighbours do not show seams when rasterised.
    pdf.rect(x + (run.col + 4) * cell, y + (run.row + 4) * cell, run.length * cell + 0.02, cell + 0.02);
  }
  pdf.fill('#000000');
}

/** Page numbers on every page and, for a revoked certificate, a diagonal stamp. */
function finishPages(pdf: Doc, doc: CertificateDocument): void {
  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    const bottomMargin = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0; // writing below the margin must not start a new page
    pdf
      .font(F.regular)
      .fontSize(7.5)
      .fillColor(COLOR.muted)
      .text(`${doc.number}  ·  ${i + 1} / ${range.count}`, MARGIN, A4.height - MARGIN + 14, { width: CONTENT_WIDTH, align: 'center', lineBreak: false });
    if (doc.status === 'revoked') {
      pdf.save();
      pdf.rotate(-30, { origin: [A4.width / 2, A4.height / 2] });
      pdf.fillOpacity(0.14).font(F.bold).fontSize(66).fillColor(COLOR.red);
      pdf.text('無効 REVOKED', 0, A4.height / 2 - 48, { width: A4.width, align: 'center', lineBreak: false });
      pdf.restore();
    }
    pdf.page.margins.bottom = bottomMargin;
  }
}
