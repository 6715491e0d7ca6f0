import type { ClaimProvider, ClaimView, DirectoryEntry } from '@registry/ledger';
import { pageHref, type PageContext } from '../http/page-context';
import { fieldId, type FormRefusal } from '../forms/form-refusal';
import { attributeText, Badge, CsrfField, FieldError, groupDigits, RowActionForm, statusTone } from './components';
import { Coverage, RefusalAlert, RulesTable } from './claim-parts';
import { ClaimRetirementsTable } from './claim-retirements';
import { Layout } from './layout';
import { TableHead } from './table-head';

/** Which of the page's forms a refusal belongs to: its message shows beside that form. */
export type ManageForm = 'submit' | 'authorize';

export interface ClaimManagePageProps {
  page: PageContext;
  claim: ClaimView;
  providers: ClaimProvider[];
  /** Providers of the organisation directory not yet authorised on the claim. */
  directory: DirectoryEntry[];
  /** The notice after a successful form (post/redirect/get): `created`, `authorized`, `revoked`, `submitted`. */
  done?: string;
  refusal?: { form: ManageForm; refusal: FormRefusal; providerId?: string };
}

interface Period {
  start?: string;
  end?: string;
}

const periodText = (p: Period | undefined) => (p?.start || p?.end ? `${p.start ?? ''} – ${p.end ?? ''}` : undefined);

/** The subject of a claim in words: its boundary (CN) or its product (CFP). */
export function claimSubject(claim: Pick<ClaimView, 'draft' | 'id'>): string {
  const draft = claim.draft as { boundary?: string; product?: { name?: string } };
  return draft.product?.name ?? draft.boundary ?? claim.id;
}

/** An applicant's claim: what it is, its coverage, its findings with rule ids, the retirements and providers behind it, and its forms. */
export function ClaimManagePage({ page, claim, providers, directory, done, refusal }: ClaimManagePageProps): string {
  const { t } = page;
  const c = t.myClaims;
  const draft = claim.draft as { targetPeriod?: Period; period?: Period; planPeriod?: Period; receivedOn?: string; product?: { cfpVerificationNumber?: string } };
  const subject = claimSubject(claim);
  const rows: [string, string | undefined, string?][] = [
    [c.claimId, claim.id, 'mono claim-id'],
    [c.program, t.programs[claim.type] ?? claim.type],
    [claim.type === 'CFP' ? c.productName : c.boundary, subject],
    [c.cfpVerificationNumber, draft.product?.cfpVerificationNumber],
    [c.targetPeriod, periodText(draft.targetPeriod)],
    [c.period, periodText(draft.period)],
    [t.claim.planPeriod, periodText(draft.planPeriod)],
    [c.receivedOn, draft.receivedOn],
    [c.requiredTonnes, t.common.tonnes(groupDigits(claim.requiredTonnes))],
    [c.retiredTonnes, t.common.tonnes(groupDigits(claim.retiredTonnes))],
    [c.eligibleTonnes, t.common.tonnes(groupDigits(claim.eligibleTonnes))],
    [c.transitionalTonnes, claim.transitionalTonnes !== '0' ? t.common.tonnes(groupDigits(claim.transitionalTonnes)) : undefined],
    [c.certificationNumber, claim.certificationNumber ?? undefined, 'mono'],
  ];
  const doneText = done ? c.done[done] : undefined;
  const words = { fields: c.refusedFields, rules: c.refusedRules, state: c.refusedState };
  const authorizeError = refusal?.form === 'authorize' ? refusal.refusal.fields.providerId : undefined;
  return (
    <Layout page={page} title={subject}>
      <p>
        <a href={pageHref(page, '/claims')} safe>
          {c.backToList}
        </a>
      </p>
      <p class="note" safe>
        {t.programs[claim.type] ?? claim.type}
      </p>
      <h1 safe>{subject}</h1>
      <p>
        <span safe>{`${c.status}: `}</span>
        <Badge tone={statusTone(claim.status)} label={t.claimStatus[claim.status] ?? claim.status} />
      </p>
      {doneText ? (
        <p class="alert ok" role="status" safe>
          {doneText}
        </p>
      ) : (
        ''
      )}
      <h2 id="coverage-h" safe>
        {c.coverage}
      </h2>
      <Coverage page={page} id={claim.id} eligible={claim.eligibleTonnes} required={claim.requiredTonnes} covered={claim.covered} />

      <h2 id="details-h" safe>
        {c.details}
      </h2>
      <dl class="fields-list claim-details">
        {rows
          .filter(([, value]) => value !== undefined && value !== '')
          .map(([label, value, cls]) => (
            <>
              <dt safe>{label}</dt>
              <dd class={cls} safe>
                {value}
              </dd>
            </>
          ))}
      </dl>

      <h2 id="findings-h" safe>
        {c.findingsTitle}
      </h2>
      {claim.findings.length === 0 ? <p safe>{c.noFindings}</p> : <RulesTable page={page} caption={c.findingsCaption} rules={claim.findings} />}

      {claim.status === 'draft' ? (
        <section aria-labelledby="submit-h">
          <h2 id="submit-h" safe>
            {c.submitTitle}
          </h2>
          <p safe>{c.submitLead}</p>
          {refusal?.form === 'submit' ? <RefusalAlert page={page} refusal={refusal.refusal} words={words} /> : ''}
          <form method="post" action={pageHref(page, `/claims/${claim.id}/submit`)} class="submit-claim">
            <CsrfField page={page} />
            <button type="submit" safe>
              {c.submit}
            </button>
          </form>
        </section>
      ) : (
        ''
      )}

      <h2 id="retirements-h" safe>
        {c.retirementsTitle}
      </h2>
      <ClaimRetirementsTable
        retirements={claim.retirements}
        words={{ ...c, quantity: t.claim.quantity }}
        tableClass="claim-retirements"
        certificateHref={(number) => pageHref(page, `/verify/${encodeURIComponent(number)}`)}
      />

      <h2 id="providers-h" safe>
        {c.providersTitle}
      </h2>
      {providers.length === 0 ? (
        <p safe>{c.providersEmpty}</p>
      ) : (
        <table class="stack claim-providers">
          <caption safe>{c.providersCaption}</caption>
          <TableHead columns={[c.providerName, c.providerId, c.corporateNumber, c.revoke]} />
          <tbody>
            {providers.map((p) => (
              <tr data-provider={p.id}>
                <td data-label={c.providerName} safe>
                  {p.name}
                </td>
                <td data-label={c.providerId} class="mono" safe>
                  {p.id}
                </td>
                <td data-label={c.corporateNumber} class="mono" safe>
                  {p.corporateNumber ?? t.common.none}
                </td>
                <td data-label={c.revoke}>
                  <RowActionForm page={page} class="revoke-provider" action={pageHref(page, `/claims/${claim.id}/providers/${p.id}/revoke`)} label={c.revokeLabel(p.name)} text={c.revoke} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <section aria-labelledby="authorize-h" class="authorize">
        <h3 id="authorize-h" safe>
          {c.authorizeTitle}
        </h3>
        {refusal?.form === 'authorize' ? <RefusalAlert page={page} refusal={refusal.refusal} words={words} /> : ''}
        {directory.length === 0 ? (
          <p safe>{c.chooseProviderEmpty}</p>
        ) : (
          <form method="post" action={pageHref(page, `/claims/${claim.id}/providers`)} class="authorize-provider inline-search">
            <CsrfField page={page} />
            <div class="field">
              <label for="provider-choice" safe>
                {c.chooseProvider}
              </label>
              <select id="provider-choice" name="providerId">
                {directory.map((entry) => (
                  <option value={entry.id} safe>
                    {entry.corporateNumber ? `${entry.name}（${entry.corporateNumber}）` : entry.name}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" safe>
              {c.authorize}
            </button>
          </form>
        )}
        <form method="post" action={pageHref(page, `/claims/${claim.id}/providers`)} class="authorize-provider-id inline-search">
          <CsrfField page={page} />
          <div class="field">
            <label for={fieldId('providerId')} safe>
              {c.byIdTitle}
            </label>
            <span class="hint" id={`${fieldId('providerId')}-hint`} safe>
              {c.byIdHint}
            </span>
            <input
              type="text"
              id={fieldId('providerId')}
              name="providerId"
              value={attributeText(authorizeError ? refusal?.providerId : undefined)}
              required
              spellcheck="false"
              autocomplete="off"
              aria-invalid={authorizeError ? 'true' : undefined}
              aria-describedby={[`${fieldId('providerId')}-hint`, authorizeError ? `${fieldId('providerId')}-error` : ''].filter(Boolean).join(' ')}
            />
            <FieldError id={`${fieldId('providerId')}-error`} message={authorizeError} />
          </div>
          <button type="submit" safe>
            {c.authorize}
          </button>
        </form>
      </section>

      <h2 id="verification-h" safe>
        {c.verificationTitle}
      </h2>
      {claim.verification ? (
        <dl class="fields-list verification">
          <dt safe>{c.reportReference}</dt>
          <dd safe>{`${claim.verification.reportReference} (${claim.verification.verifiedOn})`}</dd>
          <dt safe>{c.opinion}</dt>
          <dd safe>{t.verifications.opinions[claim.verification.opinion] ?? claim.verification.opinion}</dd>
          {claim.verification.materiality ? (
            <>
              <dt safe>{c.materiality}</dt>
              <dd safe>{`${claim.verification.materiality.withinMateriality ? c.withinMateriality : c.outsideMateriality} (${claim.verification.materiality.difference} / ${claim.verification.materiality.threshold})`}</dd>
            </>
          ) : (
            ''
          )}
        </dl>
      ) : (
        <p safe>{c.verificationNone}</p>
      )}
    </Layout>
  ) as string;
}
