import type PDFDocumentClass from 'pdfkit';
import { qrCodeRuns } from './certificate-pdf';
import type { ClaimCertificateView } from '@registry/ledger';
import { formatInstant, formatQuantity } from './certificate-format';
import { loadJapaneseFont } from './japanese-font';

/**
 * A claim's own certificate as an A4 PDF: the claim's figures, its retirement certificates, the
 * signature and a QR code to `/verify/{certificationNumber}`. Deterministic like the retirement
 * certificate's PDF (dates from `issuedAt`); one PDF per status, so a suspended, revoked,
 * withdrawn or expired certificate says so on its face.
 */
/** How the claim certificate's status reads on its face. */
const CLAIM_STATUS_LABEL: Record<'ja' | 'en', Record<string, string>> = {
  ja: { valid: '有効 / Valid', suspended: '一時停止 / Suspended', revoked: '取消 / Revoked', withdrawn: '取下げ / Withdrawn', expired: '期限切れ / Expired' },
  en: { valid: 'Valid / 有効', suspended: 'Suspended / 一時停止', revoked: 'Revoked / 取消', withdrawn: 'Withdrawn / 取下げ', expired: 'Expired / 期限切れ' },
};

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 48;
const WIDTH = A4.width - 2 * MARGIN;
const F = { regular: 'jp', bold: 'jp-bold', mono: 'Courier' } as const;
const COLOR = { ink: '#1a1a1a', muted: '#5f6368', rule: '#c8ccd0', accent: '#0b5d4b', red: '#c62828' };
const PROGRAM: Record<string, string> = {
  CN: 'カーボン・ニュートラル認証 / Carbon Neutral certification',
  CN_PLAN: 'カーボン・ニュートラル計画認証 / Carbon Neutral plan certification',
  CFP: 'CFPを活用したカーボン・オフセット（届出） / Carbon offset using CFP (notification)',
};

export async function renderClaimCertificatePdf(doc: ClaimCertificateView, options: { verifyUrl: string }): Promise<Buffer> {
  const font = loadJapaneseFont();
  const issued = new Date(doc.issuedAt);
  const stamp = Number.isNaN(issued.getTime()) ? new Date(0) : issued;
  const PDFDocument = require('pdfkit') as typeof PDFDocumentClass; // loaded on the first PDF (see japanese-font.ts)
  const pdf = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    lang: 'ja-JP',
    displayTitle: true,
    info: { Title: `認証の証明書 / Certificate ${doc.number}`, Keywords: [doc.number, doc.claimId, doc.digest].join(', '), CreationDate: stamp, ModDate: stamp },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (c: Buffer) => chunks.push(c));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  pdf.registerFont(F.regular, font.regular.parsed as unknown as PDFKit.Mixins.PDFFontSource);
  pdf.registerFont(F.bold, font.bold.parsed as unknown as PDFKit.Mixins.PDFFontSource);

  pdf.rect(0, 0, A4.width, 10).fill(COLOR.accent);
  pdf.fillColor(COLOR.ink).font(F.bold).fontSize(22).text('認証の証明書', MARGIN, MARGIN, { lineBreak: false });
  pdf.font(F.regular).fontSize(10).fillColor(COLOR.muted).text(PROGRAM[doc.type] ?? doc.type, MARGIN, MARGIN + 32, { width: WIDTH });
  pdf.font(F.bold).fontSize(15).fillColor(COLOR.ink).text(doc.number, MARGIN, MARGIN, { width: WIDTH, align: 'right' });
  const status = CLAIM_STATUS_LABEL.ja[doc.status] ?? doc.status;
  pdf.font(F.bold).fontSize(12).fillColor(doc.status === 'valid' ? COLOR.accent : COLOR.red).text(status, MARGIN, MARGIN + 20, { width: WIDTH, align: 'right' });
  let y = MARGIN + 62;
  if (doc.statusChange) {
    pdf.font(F.regular).fontSize(9.5).fillColor(COLOR.red).text(`理由 / Reason: ${doc.statusChange.reason || '—'}  ·  ${formatInstant(doc.statusChange.at)}`, MARGIN, y, { width: WIDTH });
    y = pdf.y + 6;
  }
  pdf.moveTo(MARGIN, y).lineTo(A4.width - MARGIN, y).lineWidth(1.2).strokeColor(COLOR.accent).stroke();
  y += 10;
  for (const [label, value] of fieldsOf(doc)) {
    pdf.font(F.regular).fontSize(8).fillColor(COLOR.muted).text(label, MARGIN, y, { width: 170 });
    pdf.font(F.regular).fontSize(10.5).fillColor(COLOR.ink).text(value, MARGIN + 180, y, { width: WIDTH - 180 });
    y = Math.max(pdf.y, y + 12) + 6;
  }

  y = Math.max(y + 10, A4.height - MARGIN - 150);
  pdf.moveTo(MARGIN, y).lineTo(A4.width - MARGIN, y).lineWidth(1).strokeColor(COLOR.accent).stroke();
  pdf.font(F.bold).fontSize(9.5).fillColor(COLOR.accent).text('電子署名 / Digital signature (Ed25519)', MARGIN, y + 8);
  pdf.font(F.mono).fontSize(7.5).fillColor(COLOR.ink).text(`Digest ${doc.digest}\nKey ID ${doc.keyId}\nSignature ${doc.signature}`, MARGIN, y + 24, { width: WIDTH - 120 });
  drawQr(pdf, options.verifyUrl, A4.width - MARGIN - 100, y + 8, 100);
  pdf.font(F.regular).fontSize(7.5).fillColor(COLOR.accent).text(options.verifyUrl, MARGIN, y + 120, { width: WIDTH - 110, link: options.verifyUrl });
  pdf.end();
  return done;
}

function fieldsOf(doc: ClaimCertificateView): [string, string][] {
  const span = (p?: { start: string; end: string } | null) => (p ? `${p.start} 〜 ${p.end}` : '—');
  const subject: [string, string][] =
    doc.type === 'CFP'
      ? [
          ['対象製品 / Product', doc.product?.name || '—'],
          ['CFP検証番号 / CFP verification No.', doc.product?.cfpVerificationNumber || '—'],
          ['期間 / Period', span(doc.period)],
        ]
      : [
          ['対象範囲 / Boundary', doc.boundary || '—'],
          ['対象期間 / Target period', span(doc.targetPeriod)],
          ...(doc.planPeriod ? [['計画期間 / Plan period', span(doc.planPeriod)] as [string, string]] : []),
        ];
  return [
    ['認証取得者 / Holder', `${doc.applicant.name || '—'}${doc.applicant.corporateNumber ? `（法人番号 ${doc.applicant.corporateNumber}）` : ''}`],
    ['認証主体 / Certification body', doc.certifier?.name || '—'],
    ...subject,
    ['認証日 / Certified on', doc.certifiedOn],
    ['有効期間 / Validity', doc.validFrom || doc.validTo ? `${doc.validFrom ?? ''} 〜 ${doc.validTo ?? ''}` : '—'],
    ['必要な償却量 / Required', `${formatQuantity(doc.requiredTonnes)} t-CO2e`],
    ['償却量 / Retired', `${formatQuantity(doc.retiredTonnes)} t-CO2e`],
    ['償却証明書 / Retirement certificates', doc.retirementCertificates.join(', ') || '—'],
    ['発行日時 / Issued', formatInstant(doc.issuedAt)],
  ];
}

function drawQr(pdf: PDFKit.PDFDocument, text: string, x: number, y: number, size: number): void {
  const qr = qrCodeRuns(text);
  const cell = size / (qr.size + 8);
  pdf.rect(x, y, size, size).fill('#ffffff');
  for (const run of qr.runs) pdf.rect(x + (run.col + 4) * cell, y + (run.row + 4) * cell, run.length * cell + 0.02, cell + 0.02);
  pdf.fill('#000000');
}
