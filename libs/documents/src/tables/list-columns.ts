import type { JournalEntry } from '@registry/domain';
import type { ClaimSummary, DirectoryEntry, HoldingView, RetirementView } from '@registry/ledger';
import type { ExportColumn } from './table-export';

/** Flattened columns of the exported lists, one value per cell, headers in English and Japanese. */
export const RETIREMENT_COLUMNS: ExportColumn<RetirementView>[] = [
  { en: 'Retirement id', ja: '無効化ID', value: (r) => r.id },
  { en: 'Certificate number', ja: '証明書番号', value: (r) => r.certificateNumber },
  { en: 'Status', ja: '状態', value: (r) => r.status },
  { en: 'Retired on', ja: '無効化日', value: (r) => r.retiredOn },
  { en: 'Quantity', ja: '数量', value: (r) => r.quantity },
  { en: 'Serial numbers', ja: 'シリアル番号', value: (r) => r.serials.join(' ') },
  { en: 'Beneficiary', ja: 'クレジット利用者', value: (r) => r.beneficiary },
  { en: 'Purpose', ja: '目的', value: (r) => r.purpose },
  { en: 'Claim id', ja: '申請ID', value: (r) => r.claimId },
  { en: 'Managing registry', ja: '管理口座（登録簿）', value: (r) => r.evidence?.registry },
  { en: 'Registry reference', ja: '登録簿の記録番号', value: (r) => r.evidence?.reference },
  { en: 'Organisation id', ja: '組織ID', value: (r) => r.organizationId },
  { en: 'Recorded at (UTC)', ja: '記録日時（UTC）', value: (r) => r.createdAt },
  { en: 'Void reason', ja: '取消理由', value: (r) => r.void?.reason },
];

export const CLAIM_COLUMNS: ExportColumn<ClaimSummary>[] = [
  { en: 'Claim id', ja: '申請ID', value: (c) => c.id },
  { en: 'Type', ja: '種類', value: (c) => c.type },
  { en: 'Status', ja: '状態', value: (c) => c.status },
  { en: 'Boundary or product', ja: '対象（活動の境界・製品）', value: (c) => c.subject },
  { en: 'Applicant id', ja: '申請者ID', value: (c) => c.applicantId },
  { en: 'Certifier id', ja: '認証主体ID', value: (c) => c.certifierId },
  { en: 'Required tonnes', ja: '必要償却量（t-CO2）', value: (c) => c.requiredTonnes },
  { en: 'Certification number', ja: '認証番号', value: (c) => c.certificationNumber },
  { en: 'Certified on', ja: '認証日', value: (c) => c.certifiedOn },
  { en: 'Valid from', ja: '有効期間（開始）', value: (c) => c.validFrom },
  { en: 'Valid to', ja: '有効期間（終了）', value: (c) => c.validTo },
  { en: 'Filed at (UTC)', ja: '申請日時（UTC）', value: (c) => c.createdAt },
];

export const HOLDING_COLUMNS: ExportColumn<HoldingView>[] = [
  { en: 'Block id', ja: 'ブロックID', value: (h) => h.id },
  { en: 'Scheme', ja: 'クレジット種別', value: (h) => h.scheme },
  { en: 'Serial numbers', ja: 'シリアル番号', value: (h) => h.serial },
  { en: 'First serial', ja: '開始番号', value: (h) => h.start },
  { en: 'Last serial', ja: '終了番号', value: (h) => h.end },
  { en: 'Quantity', ja: '数量', value: (h) => h.quantity },
];

export const DIRECTORY_COLUMNS: ExportColumn<DirectoryEntry>[] = [
  { en: 'Organisation id', ja: '組織ID', value: (o) => o.id },
  { en: 'Name', ja: '名称', value: (o) => o.name },
  { en: 'Corporate number', ja: '法人番号', value: (o) => o.corporateNumber },
  { en: 'Roles', ja: '役割', value: (o) => o.roles.join(' ') },
];

/** The journal as an auditor reads it: the payload stays the canonical JSON that was hashed. */
export const JOURNAL_COLUMNS: ExportColumn<JournalEntry>[] = [
  { en: 'Sequence', ja: '連番', value: (e) => e.seq },
  { en: 'Type', ja: '種類', value: (e) => e.type },
  { en: 'Recorded at (UTC)', ja: '記録日時（UTC）', value: (e) => e.recordedAt },
  { en: 'Actor', ja: '実行者', value: (e) => e.actor },
  { en: 'Payload (JSON)', ja: '内容（JSON）', value: (e) => e.payload },
  { en: 'Previous hash', ja: '直前のハッシュ', value: (e) => e.prevHash },
  { en: 'Hash', ja: 'ハッシュ', value: (e) => e.hash },
];
