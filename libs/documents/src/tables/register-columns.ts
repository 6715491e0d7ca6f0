import type { RegisterCredit, RegisterEntry } from '@registry/ledger';
import type { ExportColumn } from './table-export';

/** One row of the exported register: a certified claim and one of its credits (a claim without credits gets one row). */
export interface RegisterRow {
  entry: RegisterEntry;
  credit: RegisterCredit | null;
}

export function registerRows(entries: readonly RegisterEntry[]): RegisterRow[] {
  return entries.flatMap((entry): RegisterRow[] => (entry.credits.length === 0 ? [{ entry, credit: null }] : entry.credits.map((credit) => ({ entry, credit }))));
}

const draft = (row: RegisterRow) => row.entry.disclosure as {
  boundary?: string;
  product?: { name?: string };
  targetPeriod?: { start?: string; end?: string };
  period?: { start?: string; end?: string };
  planPeriod?: { start?: string; end?: string };
};
const emissions = (row: RegisterRow, scope: string) => {
  const value = row.entry.emissionsDisclosure?.periodEmissions[scope];
  return typeof value === 'string' ? value : null;
};

/** The register's disclosure items (CN tables 3 and 5, CFP art. 14), one value per cell. */
export const REGISTER_COLUMNS: ExportColumn<RegisterRow>[] = [
  { en: 'Certification number', ja: '認証番号', value: (r) => r.entry.certificationNumber },
  { en: 'Type', ja: '種類', value: (r) => r.entry.type },
  { en: 'Status', ja: '状態', value: (r) => r.entry.status },
  { en: 'Holder', ja: '認証取得者', value: (r) => r.entry.holder.name },
  { en: 'Corporate number', ja: '法人番号', value: (r) => r.entry.holder.corporateNumber },
  { en: 'Boundary or product', ja: '活動の境界・製品', value: (r) => draft(r).product?.name ?? draft(r).boundary },
  { en: 'Period start', ja: '対象期間（開始）', value: (r) => (draft(r).targetPeriod ?? draft(r).period)?.start },
  { en: 'Period end', ja: '対象期間（終了）', value: (r) => (draft(r).targetPeriod ?? draft(r).period)?.end },
  { en: 'Plan period start', ja: '計画期間（開始）', value: (r) => draft(r).planPeriod?.start },
  { en: 'Plan period end', ja: '計画期間（終了）', value: (r) => draft(r).planPeriod?.end },
  { en: 'Certified on', ja: '認証日', value: (r) => r.entry.certifiedOn },
  { en: 'Valid from', ja: '有効期間（開始）', value: (r) => r.entry.validFrom },
  { en: 'Valid to', ja: '有効期間（終了）', value: (r) => r.entry.validTo },
  { en: 'Renewal pending (claim)', ja: '更新申請中（申請ID）', value: (r) => r.entry.pendingRenewal?.claimId },
  { en: 'Labels removed by', ja: 'ラベル撤去期限', value: (r) => r.entry.labelsRemovedBy },
  { en: 'Scope', ja: '算定対象範囲', value: (r) => r.entry.emissionsDisclosure?.scope.join(' ') },
  { en: 'Emission sources', ja: '排出源', value: (r) => r.entry.emissionsDisclosure?.emissionSources },
  { en: 'Base year', ja: '基準年', value: (r) => (r.entry.emissionsDisclosure ? String(r.entry.emissionsDisclosure.baseYear ?? '') : null) },
  { en: 'Base-year emissions (t)', ja: '基準年の排出量（t）', value: (r) => r.entry.emissionsDisclosure?.baseYearEmissions },
  { en: 'Scope 1 (t)', ja: 'スコープ1（t）', value: (r) => emissions(r, 'scope1') },
  { en: 'Scope 2 (t)', ja: 'スコープ2（t）', value: (r) => emissions(r, 'scope2') },
  { en: 'Scope 3 (t)', ja: 'スコープ3（t）', value: (r) => emissions(r, 'scope3') },
  { en: 'Emissions verified', ja: '検証済み', value: (r) => (r.entry.emissionsDisclosure ? (r.entry.emissionsDisclosure.verified ? 'yes' : 'no') : null) },
  { en: 'Verification body', ja: '検証機関', value: (r) => r.entry.verificationBody?.name },
  { en: 'Verification report', ja: '検証報告書', value: (r) => r.entry.verificationBody?.reportReference },
  { en: 'Required tonnes', ja: '必要償却量（t）', value: (r) => r.entry.requiredTonnes },
  { en: 'Retired tonnes', ja: '償却量（t）', value: (r) => r.entry.retiredTonnes },
  { en: 'Serial numbers', ja: 'シリアル番号', value: (r) => r.credit?.serial },
  { en: 'Scheme', ja: 'クレジット種別', value: (r) => r.credit?.schemeName },
  { en: 'Quantity', ja: '数量', value: (r) => r.credit?.quantity },
  { en: 'Project', ja: 'プロジェクト名', value: (r) => r.credit?.projectName ?? r.credit?.project },
  { en: 'Country or region', ja: '国・地域', value: (r) => r.credit?.projectRegion },
  { en: 'Project type', ja: 'プロジェクト種類', value: (r) => r.credit?.projectTypeName ?? r.credit?.projectType },
  { en: 'Retired on', ja: '無効化日', value: (r) => r.credit?.retiredOn },
  { en: 'Retirement status', ja: '無効化の状況', value: (r) => r.credit?.retirementStatus },
  { en: 'Retirement method', ja: '無効化の方法', value: (r) => r.credit?.retirementMethod },
  { en: 'Retirement certificate', ja: '無効化証明書', value: (r) => r.credit?.certificateNumber },
];
