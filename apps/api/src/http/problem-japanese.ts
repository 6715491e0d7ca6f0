import type { ErrorCode } from '@registry/domain';

/** Japanese problem titles by HTTP status (Accept-Language: ja); codes and fields stay as they are. */
export const TITLE_JA: Record<number, string> = {
  400: '不正なリクエスト',
  401: '認証されていません',
  403: '権限がありません',
  404: '見つかりません',
  405: '許可されていないメソッド',
  409: '競合',
  413: 'リクエストが大きすぎます',
  415: '対応していない形式',
  422: '処理できない内容',
  429: 'リクエストが多すぎます',
  500: 'サーバー内部エラー',
  503: 'サービス利用不可',
};

/** One Japanese sentence per stable code; the specifics (fields, rules, serials) follow from the problem's members. */
const DETAIL_JA: Record<ErrorCode, string> = {
  VALIDATION_FAILED: '入力内容に誤りがあります',
  UNAUTHENTICATED: 'APIキーがないか、無効・失効・期限切れです',
  FORBIDDEN: 'この操作を行う権限がありません',
  NOT_FOUND: '指定されたものは見つかりません',
  PAYLOAD_TOO_LARGE: 'リクエストの本文が上限を超えています',
  RATE_LIMITED: 'リクエストが多すぎます。しばらく待ってから再試行してください',
  INVALID_CORPORATE_NUMBER: '法人番号が正しくありません（13桁、先頭はチェックデジット）',
  INVALID_SERIAL: 'シリアル番号を読み取れません',
  UNKNOWN_SCHEME: '不明なクレジット種別です',
  SERIAL_CONFLICT: 'シリアル番号が既存のブロックと重複しています',
  NOT_HELD: 'シリアル番号の一部を保有していません',
  ALREADY_RETIRED: 'シリアル番号の一部は既に無効化（償却）されています',
  ALREADY_VOIDED: 'この記録は既に取り消されています',
  EVIDENCE_REQUIRED: '管理口座（登録簿）の証跡が必要です',
  EVIDENCE_ALREADY_RECORDED: 'この無効化には管理口座（登録簿）の記録番号が既に登録されています',
  DUPLICATE_SERIALS: '同じシリアル番号、または重なるシリアル番号が含まれています',
  TOO_MANY_SERIALS: 'シリアル番号が多すぎます',
  IDEMPOTENCY_KEY_REUSED: 'この Idempotency-Key は別の内容のリクエストで使われています',
  INELIGIBLE_CREDIT: 'このクレジットは当該制度で使用できません',
  RULE_VIOLATION: '制度の規則に適合しません',
  INVALID_STATE: '現在の状態ではこの操作はできません',
  DUPLICATE_CORPORATE_NUMBER: 'この法人番号の組織は既に登録されています',
  SERVICE_UNAVAILABLE: '現在、記録の永続性を保証できないため受け付けられません',
  INTERNAL: '予期しないエラーが発生しました。報告の際は requestId をお知らせください',
};

/** The Japanese detail: the code's sentence, then what the problem names (fields, rules, serials). */
export function japaneseDetail(code: ErrorCode, extra: Record<string, unknown> | undefined): string {
  const specifics: string[] = [];
  const errors = Array.isArray(extra?.errors) ? (extra.errors as { field?: unknown; rule?: unknown }[]) : [];
  const fields = errors.map((e) => e.field).filter((f): f is string => typeof f === 'string');
  const rules = errors.map((e) => e.rule).filter((r): r is string => typeof r === 'string');
  if (fields.length) specifics.push(`項目: ${[...new Set(fields)].join(', ')}`);
  if (rules.length) specifics.push(`規則: ${[...new Set(rules)].join(', ')}`);
  if (typeof extra?.field === 'string') specifics.push(`項目: ${extra.field}`);
  if (typeof extra?.rule === 'string') specifics.push(`規則: ${extra.rule}`);
  const conflicts = Array.isArray(extra?.conflicts) ? extra.conflicts.length : 0;
  if (conflicts) specifics.push(`競合 ${conflicts} 件`);
  return specifics.length ? `${DETAIL_JA[code]}（${specifics.join('、')}）` : DETAIL_JA[code];
}
