import { pageHref, type PageContext } from '../http/page-context';
import type { ClaimFormValues } from '../forms/claim-form';
import { fieldId, type FormRefusal } from '../forms/form-refusal';
import { attributeText, FieldError } from './components';
import { Checkbox, Input, RefusalAlert } from './claim-parts';
import { Layout } from './layout';

/**
 * The verifier's start: the API gives a verification body no list of claims (an applicant tells it
 * the claim id), so the page opens a claim by its id.
 */
export function VerificationsPage({ page, claimId, error }: { page: PageContext; claimId?: string; error?: string }): string {
  const v = page.t.verifications;
  const id = fieldId('claim');
  return (
    <Layout page={page} title={v.title}>
      <h1 safe>{v.title}</h1>
      <p class="lead" safe>
        {v.lead}
      </p>
      <form method="get" action="/verifications" class="search open-claim">
        {page.langParam ? <input type="hidden" name="lang" value={page.langParam} /> : ''}
        <div class="inline-search">
          <div class="field">
            <label for={id} safe>
              {v.claimId}
            </label>
            <span class="hint" id={`${id}-hint`} safe>
              {v.claimIdHint}
            </span>
            <input
              type="text"
              id={id}
              name="claim"
              value={attributeText(claimId)}
              required
              spellcheck="false"
              autocomplete="off"
              aria-invalid={error ? 'true' : undefined}
              aria-describedby={[`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ')}
            />
            <FieldError id={`${id}-error`} message={error} />
          </div>
          <button type="submit" safe>
            {v.open}
          </button>
        </div>
      </form>
    </Layout>
  ) as string;
}

export interface VerificationFormPageProps {
  page: PageContext;
  claimId: string;
  values?: ClaimFormValues;
  refusal?: FormRefusal;
  /** After a recorded verification (post/redirect/get). */
  recorded?: boolean;
}

/** The verification body's report on a claim, as POST /v1/claims/{id}/verification takes it. */
export function VerificationFormPage({ page, claimId, values = {}, refusal, recorded }: VerificationFormPageProps): string {
  const { t } = page;
  const v = t.verifications;
  const marks = { required: t.myClaims.requiredMark, optional: t.myClaims.optionalMark };
  const errorOf = (path: string) => refusal?.fields[path];
  const select = (path: 'assurance' | 'opinion', label: string, options: Record<string, string>, fallback: string) => {
    const id = fieldId(path);
    const chosen = values[path] ?? fallback;
    return (
      <div class="field">
        <label for={id} safe>
          {label}
        </label>
        <select id={id} name={path} aria-invalid={errorOf(path) ? 'true' : undefined} aria-describedby={errorOf(path) ? `${id}-error` : undefined}>
          {Object.entries(options).map(([value, text]) => (
            <option value={value} selected={value === chosen} safe>
              {text}
            </option>
          ))}
        </select>
        <FieldError id={`${id}-error`} message={errorOf(path)} />
      </div>
    );
  };
  return (
    <Layout page={page} title={v.formTitle}>
      <p>
        <a href={pageHref(page, '/verifications')} safe>
          {v.back}
        </a>
      </p>
      <h1 safe>{v.formTitle}</h1>
      <p class="lead" safe>
        {v.formLead}
      </p>
      <dl class="fields-list">
        <dt safe>{v.claim}</dt>
        <dd class="mono claim-id" safe>
          {claimId}
        </dd>
      </dl>
      {recorded ? (
        <p class="alert ok" role="status" safe>
          {v.recorded}
        </p>
      ) : (
        ''
      )}
      <RefusalAlert page={page} refusal={refusal} words={{ fields: v.refusedFields, rules: v.refusedRules, state: v.refusedState }} />
      <form method="post" action={pageHref(page, `/verifications/${claimId}`)} class="verification-form" aria-describedby={refusal ? 'refusal' : undefined}>
        <input type="hidden" name="_csrf" value={page.account?.csrfToken ?? ''} />
        <div class="fields">
          <Input path="reportReference" label={v.reportReference} value={values.reportReference} error={errorOf('reportReference')} required marks={marks} />
          {select('assurance', v.assurance, v.assurances, 'reasonable')}
          {select('opinion', v.opinion, v.opinions, 'unqualified')}
        </div>
        <fieldset>
          <legend safe>{v.verifiedEmissions}</legend>
          <div class="fields">
            {(['scope1', 'scope2', 'scope3'] as const).map((scope) => (
              <Input
                path={`verifiedEmissions.${scope}`}
                label={v[scope]}
                hint={t.myClaims.decimalHint}
                value={values[`verifiedEmissions.${scope}`]}
                error={errorOf(`verifiedEmissions.${scope}`)}
                required={scope !== 'scope3'}
                inputmode="decimal"
                marks={marks}
              />
            ))}
          </div>
        </fieldset>
        <Checkbox path="independentOfApplicant" label={v.independence} checked={values.independentOfApplicant === 'true'} error={errorOf('independentOfApplicant')} />
        <div class="actions">
          <button type="submit" safe>
            {v.record}
          </button>
        </div>
      </form>
    </Layout>
  ) as string;
}
