import { SCHEME_CODES } from '@registry/domain';
import type { ClaimSummary, RetirementPreview, SerialPreview } from '@registry/ledger';
import { STATED, type RetireFormField, type RetireFormValues, type FormRefusal } from '../forms/retire-form';
import { pageHref, type PageContext } from '../http/page-context';
import { Checkbox } from './claim-parts';
import { attributeText, Badge, groupDigits } from './components';
import { Layout } from './layout';

export interface RetirePageProps {
  page: PageContext;
  /** The claims this person's organisation may back (draft, submitted or certified). */
  claims: ClaimSummary[];
  values: RetireFormValues;
  refusals?: FormRefusal[];
  /** The check's verdict (POST /retire/check). */
  preview?: RetirementPreview;
  /** Set when the check passed: the confirm form carries it as the retirement's one-time key. */
  confirmKey?: string;
}

/** The retire form; after a check, the verdict per serial and (only when all pass) the confirm form above it. */
export function RetirePage({ page, claims, values, refusals = [], preview, confirmKey }: RetirePageProps): string {
  const r = page.t.retire;
  const title = preview ? r.checkTitle : r.title;
  const general = refusals.filter((refusal) => refusal.field === undefined);
  return (
    <Layout page={page} title={title}>
      <h1 safe>{title}</h1>
      <p class="lead" safe>
        {r.lead}
      </p>
      {general.length > 0 ? (
        <div class="alert" role="alert" id="retire-error">
          {general.map((refusal) => (
            <RefusalText page={page} refusal={refusal} />
          ))}
        </div>
      ) : (
        ''
      )}
      {preview ? <Verdict page={page} preview={preview} passed={confirmKey !== undefined} /> : ''}
      {preview && confirmKey ? <ConfirmForm page={page} values={values} confirmKey={confirmKey} claims={claims} /> : ''}
      {preview ? <h2 safe>{r.editTitle}</h2> : ''}
      <RetireForm page={page} claims={claims} values={values} refusals={refusals} />
    </Layout>
  ) as string;
}

function RefusalText({ page, refusal }: { page: PageContext; refusal: FormRefusal }): JSX.Element {
  const words = page.t.retire.errors[refusal.code] ?? page.t.retire.errors.other;
  return (
    <p class="refusal" data-code={refusal.code}>
      <span safe>{words}</span>{' '}
      {refusal.detail ? (
        <span class="detail" lang="en" safe>
          {refusal.detail}
        </span>
      ) : (
        ''
      )}
    </p>
  );
}

function Verdict({ page, preview, passed }: { page: PageContext; preview: RetirementPreview; passed: boolean }): JSX.Element {
  const r = page.t.retire;
  return (
    <section class="verdict" aria-labelledby="verdict-title">
      <p class={passed ? 'alert ok' : 'alert'} role="status" id="verdict-title" safe>
        {passed ? r.allPass : r.wholeRefused}
      </p>
      {preview.serials.length > 0 ? (
        <table class="stack verdict-table">
          <caption safe>{r.verdictCaption}</caption>
          <thead>
            <tr>
              <th scope="col" class="num" safe>
                {r.line}
              </th>
              <th scope="col" safe>
                {r.serial}
              </th>
              <th scope="col" class="num" safe>
                {r.quantity}
              </th>
              <th scope="col" class="num" safe>
                {r.held}
              </th>
              <th scope="col" safe>
                {r.alreadyRetired}
              </th>
              <th scope="col" safe>
                {r.eligibility}
              </th>
              <th scope="col" safe>
                {r.verdict}
              </th>
            </tr>
          </thead>
          <tbody>
            {preview.serials.map((serial) => (
              <VerdictRow page={page} serial={serial} />
            ))}
          </tbody>
        </table>
      ) : (
        ''
      )}
    </section>
  );
}

function VerdictRow({ page, serial }: { page: PageContext; serial: SerialPreview }): JSX.Element {
  const r = page.t.retire;
  const refusal = serial.refusal;
  return (
    <tr data-verdict={refusal ? refusal.code : 'ok'}>
      <td data-label={r.line} class="num" safe>
        {String(serial.index + 1)}
      </td>
      <td data-label={r.serial} class="mono serial" safe>
        {serial.canonical ?? serial.text}
      </td>
      <td data-label={r.quantity} class="num" safe>
        {serial.quantity === null ? '' : groupDigits(serial.quantity)}
      </td>
      <td data-label={r.held} class="num">
        <span safe>{groupDigits(serial.heldQuantity)}</span>
        {serial.outsideQuantity !== '0' ? (
          <span class="note" safe>
            {r.outside(groupDigits(serial.outsideQuantity))}
          </span>
        ) : (
          ''
        )}
      </td>
      <td data-label={r.alreadyRetired} class="mono">
        {serial.retired.map((part) => (
          <span class="serial" safe>
            {part.start === part.end ? part.start : `${part.start}–${part.end}`}
          </span>
        ))}
      </td>
      <td data-label={r.eligibility}>
        {serial.eligibility ? (
          <>
            <Badge tone={serial.eligibility.eligible ? 'ok' : 'bad'} label={serial.eligibility.eligible ? r.eligible : r.ineligible} />{' '}
            <span class="mono rule" safe>
              {serial.eligibility.rule}
            </span>{' '}
            <span class="detail" lang="en" safe>
              {serial.eligibility.message}
            </span>
          </>
        ) : (
          ''
        )}
      </td>
      <td data-label={r.verdict}>
        <Badge tone={refusal ? 'bad' : 'ok'} label={refusal ? r.refused : r.ok} />
        {refusal ? <RefusalText page={page} refusal={{ code: refusal.code, detail: refusal.rule ? `${refusal.rule}: ${refusal.message}` : refusal.message }} /> : ''}
      </td>
    </tr>
  );
}

/** The checked values, as hidden fields: the confirm form sends exactly what was checked. */
function ConfirmForm({ page, values, confirmKey, claims }: { page: PageContext; values: RetireFormValues; confirmKey: string; claims: ClaimSummary[] }): JSX.Element {
  const { t } = page;
  const r = t.retire;
  const claim = claims.find((c) => c.id === values.claimId);
  const summary: [string, string | undefined][] = [
    [r.beneficiary, values.beneficiary],
    [r.purpose, values.purpose],
    [r.claim, claim ? r.claimOption(t.programs[claim.type] ?? claim.type, claim.subject ?? claim.certificationNumber ?? claim.id, t.claimStatus[claim.status] ?? claim.status) : r.claimNone],
    [r.retiredOn, values.retiredOn],
    [r.evidenceLegend, values.evidenceRegistry ? `${values.evidenceRegistry} ${values.evidenceReference ?? ''}` : undefined],
    [r.issuedOn, values.issuedOn],
    [r.creatorId, values.creatorId],
    [r.greeningEvidence, values.greeningEvidence === STATED ? r.factStated : undefined],
    [r.changedProductFootprint, values.changedProductFootprint === STATED ? r.factStated : undefined],
  ];
  return (
    <form class="confirm-retire" method="post" action={pageHref(page, '/retire')}>
      <input type="hidden" name="_csrf" value={page.account?.csrfToken} />
      <input type="hidden" name="key" value={confirmKey} />
      {Object.entries(values).map(([name, value]) => (
        <input type="hidden" name={name} value={attributeText(value)} />
      ))}
      <h2 safe>{r.confirmTitle}</h2>
      <dl class="fields-list confirm-summary">
        {summary
          .filter((entry): entry is [string, string] => entry[1] !== undefined)
          .map(([term, value]) => (
            <>
              <dt safe>{term}</dt>
              <dd safe>{value}</dd>
            </>
          ))}
      </dl>
      <div class="actions">
        <button type="submit" safe>
          {r.confirm}
        </button>
      </div>
    </form>
  );
}

function RetireForm({ page, claims, values, refusals }: { page: PageContext; claims: ClaimSummary[]; values: RetireFormValues; refusals: FormRefusal[] }): JSX.Element {
  const { t } = page;
  const r = t.retire;
  const errorOf = (field: RetireFormField) => refusals.filter((refusal) => refusal.field === field);
  const invalid = (field: RetireFormField) => (errorOf(field).length > 0 ? 'true' : undefined);
  const wordsFor = (field: RetireFormField) => errorOf(field).map((refusal) => r.errors[refusal.code] ?? r.errors.other)[0];
  const describedBy = (field: RetireFormField, hint?: string) => [hint, errorOf(field).length > 0 ? `${field}-error` : undefined].filter(Boolean).join(' ') || undefined;
  const Errors = ({ field }: { field: RetireFormField }) =>
    errorOf(field).length > 0 ? (
      <div class="field-error" id={`${field}-error`}>
        {errorOf(field).map((refusal) => (
          <RefusalText page={page} refusal={refusal} />
        ))}
      </div>
    ) : (
      ''
    );
  return (
    <form class="retire" method="post" action={pageHref(page, '/retire/check')}>
      <input type="hidden" name="_csrf" value={page.account?.csrfToken} />
      <div class="fields">
        <div class="field wide">
          <label for="serials" safe>
            {r.serials}
          </label>
          <textarea id="serials" name="serials" rows="6" required spellcheck="false" aria-invalid={invalid('serials')} aria-describedby={describedBy('serials', 'serials-hint')} safe>
            {values.serials ?? ''}
          </textarea>
          <p class="hint" id="serials-hint" safe>
            {r.serialsHint}
          </p>
          <Errors field="serials" />
        </div>
        <div class="field">
          <label for="scheme" safe>
            {r.scheme}
          </label>
          <select id="scheme" name="scheme" aria-invalid={invalid('scheme')} aria-describedby={describedBy('scheme')}>
            <option value="" safe>
              {r.schemeAuto}
            </option>
            {SCHEME_CODES.map((code) => (
              <option value={code} selected={values.scheme === code}>
                {code}
              </option>
            ))}
          </select>
          <Errors field="scheme" />
        </div>
        <div class="field">
          <label for="claimId" safe>
            {r.claim}
          </label>
          <select id="claimId" name="claimId" aria-invalid={invalid('claimId')} aria-describedby={describedBy('claimId', claims.length === 0 ? 'claim-hint' : undefined)}>
            <option value="" safe>
              {r.claimNone}
            </option>
            {claims.map((claim) => (
              <option value={claim.id} selected={values.claimId === claim.id} safe>
                {r.claimOption(t.programs[claim.type] ?? claim.type, claim.subject ?? claim.certificationNumber ?? claim.id, t.claimStatus[claim.status] ?? claim.status)}
              </option>
            ))}
          </select>
          {claims.length === 0 ? (
            <p class="hint" id="claim-hint" safe>
              {r.noClaims}
            </p>
          ) : (
            ''
          )}
          <Errors field="claimId" />
        </div>
        <div class="field">
          <label for="beneficiary" safe>
            {r.beneficiary}
          </label>
          <input type="text" id="beneficiary" name="beneficiary" value={attributeText(values.beneficiary)} required maxlength="500" aria-invalid={invalid('beneficiary')} aria-describedby={describedBy('beneficiary')} />
          <Errors field="beneficiary" />
        </div>
        <div class="field">
          <label for="purpose" safe>
            {r.purpose}
          </label>
          <input type="text" id="purpose" name="purpose" value={attributeText(values.purpose)} required maxlength="1000" aria-invalid={invalid('purpose')} aria-describedby={describedBy('purpose')} />
          <Errors field="purpose" />
        </div>
        <div class="field">
          <label for="retiredOn" safe>
            {r.retiredOn}
          </label>
          <input type="text" id="retiredOn" name="retiredOn" value={attributeText(values.retiredOn)} inputmode="numeric" placeholder="2026-04-01" aria-invalid={invalid('retiredOn')} aria-describedby={describedBy('retiredOn', 'retiredOn-hint')} />
          <p class="hint" id="retiredOn-hint" safe>
            {r.dateHint}
          </p>
          <Errors field="retiredOn" />
        </div>
      </div>
      <fieldset class="evidence">
        <legend safe>{r.evidenceLegend}</legend>
        <p class="hint" safe>
          {r.evidenceHint}
        </p>
        <div class="fields">
          <div class="field">
            <label for="evidenceRegistry" safe>
              {r.evidenceRegistry}
            </label>
            <input type="text" id="evidenceRegistry" name="evidenceRegistry" value={attributeText(values.evidenceRegistry)} maxlength="200" aria-invalid={invalid('evidenceRegistry')} aria-describedby={describedBy('evidenceRegistry')} />
            <Errors field="evidenceRegistry" />
          </div>
          <div class="field">
            <label for="evidenceReference" safe>
              {r.evidenceReference}
            </label>
            <input type="text" id="evidenceReference" name="evidenceReference" value={attributeText(values.evidenceReference)} maxlength="200" aria-invalid={invalid('evidenceReference')} aria-describedby={describedBy('evidenceReference')} />
            <Errors field="evidenceReference" />
          </div>
        </div>
      </fieldset>
      <fieldset class="credit-facts">
        <legend safe>{r.factsLegend}</legend>
        <p class="hint" safe>
          {r.factsHint}
        </p>
        <div class="fields">
          <div class="field">
            <label for="issuedOn" safe>
              {r.issuedOn}
            </label>
            <input type="text" id="issuedOn" name="issuedOn" value={attributeText(values.issuedOn)} inputmode="numeric" placeholder="2012-11-30" aria-invalid={invalid('issuedOn')} aria-describedby={describedBy('issuedOn', 'issuedOn-hint')} />
            <p class="hint" id="issuedOn-hint" safe>
              {r.issuedOnHint}
            </p>
            <Errors field="issuedOn" />
          </div>
          <div class="field">
            <label for="creatorId" safe>
              {r.creatorId}
            </label>
            <input type="text" id="creatorId" name="creatorId" value={attributeText(values.creatorId)} maxlength="64" aria-invalid={invalid('creatorId')} aria-describedby={describedBy('creatorId', 'creatorId-hint')} />
            <p class="hint" id="creatorId-hint" safe>
              {r.creatorIdHint}
            </p>
            <Errors field="creatorId" />
          </div>
          <Checkbox path="greeningEvidence" label={r.greeningEvidence} checked={values.greeningEvidence === STATED} error={wordsFor('greeningEvidence')} />
          <Checkbox path="changedProductFootprint" label={r.changedProductFootprint} checked={values.changedProductFootprint === STATED} error={wordsFor('changedProductFootprint')} />
        </div>
      </fieldset>
      <div class="actions">
        <button type="submit" safe>
          {r.check}
        </button>
      </div>
    </form>
  );
}
