import { pageHref, type PageContext } from '../http/page-context';
import { FORM_PROGRAMS, type ClaimFormValues, type FormProgram } from '../forms/claim-form';
import type { FormRefusal } from '../forms/form-refusal';
import { Checkbox, Input, RefusalAlert } from './claim-parts';
import { Layout } from './layout';

export interface NewClaimPageProps {
  page: PageContext;
  program: FormProgram;
  /** The form's token: sent twice, it files one claim. */
  once: string;
  values?: ClaimFormValues;
  refusal?: FormRefusal;
}

/** A new draft claim: one form per program (CN, CFP), each field named by the API body's path. */
export function NewClaimPage({ page, program, once, values = {}, refusal }: NewClaimPageProps): string {
  const { t } = page;
  const c = t.myClaims;
  const marks = { required: c.requiredMark, optional: c.optionalMark };
  const errorOf = (path: string) => refusal?.fields[path];
  const field = (path: string, label: string, extra: { hint?: string; type?: 'date'; required?: boolean; inputmode?: 'decimal' | 'numeric'; wide?: boolean } = {}) => (
    <Input path={path} label={label} value={values[path]} error={errorOf(path)} marks={marks} {...extra} />
  );
  return (
    <Layout page={page} title={c.newTitle}>
      <p>
        <a href={pageHref(page, '/claims')} safe>
          {c.backToList}
        </a>
      </p>
      <h1 safe>{c.newTitle}</h1>
      <p class="lead" safe>
        {c.newLead}
      </p>
      <nav aria-label={c.chooseProgram}>
        <ul class="links program-choice">
          {FORM_PROGRAMS.map((p) => (
            <li>
              <a href={pageHref(page, '/claims/new', { type: p })} aria-current={p === program ? 'page' : undefined} safe>
                {t.programs[p] ?? p}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <RefusalAlert page={page} refusal={refusal} words={{ fields: c.refusedFields, rules: c.refusedRules, state: c.refusedState }} />
      <form method="post" action={pageHref(page, '/claims')} class="claim-form" aria-describedby={refusal ? 'refusal' : undefined}>
        <input type="hidden" name="_csrf" value={page.account?.csrfToken ?? ''} />
        <input type="hidden" name="type" value={program} />
        <input type="hidden" name="_once" value={once} />
        <h2 safe>{t.programs[program] ?? program}</h2>
        {program === 'CN' ? (
          <>
            <div class="fields">
              {field('boundary', c.boundary, { required: true, wide: true })}
              {field('baseYear', c.baseYear, { hint: c.baseYearHint, required: true, inputmode: 'numeric' })}
            </div>
            <fieldset>
              <legend safe>{c.targetPeriod}</legend>
              <div class="fields">
                {field('targetPeriod.start', c.start, { hint: c.dateHint, type: 'date', required: true })}
                {field('targetPeriod.end', c.end, { hint: c.dateHint, type: 'date', required: true })}
              </div>
            </fieldset>
            <fieldset>
              <legend safe>{c.emissions}</legend>
              <div class="fields">
                {field('emissions.scope1', c.scope1, { hint: c.decimalHint, required: true, inputmode: 'decimal' })}
                {field('emissions.scope2', c.scope2, { hint: c.decimalHint, required: true, inputmode: 'decimal' })}
                {field('emissions.scope3', c.scope3, { hint: c.decimalHint, inputmode: 'decimal' })}
                {field('emissions.suppliedToOthers', c.suppliedToOthers, { hint: c.decimalHint, inputmode: 'decimal' })}
              </div>
              <Checkbox path="emissions.includeScope3" label={c.includeScope3} checked={values['emissions.includeScope3'] === 'true'} error={errorOf('emissions.includeScope3')} />
            </fieldset>
            <fieldset>
              <legend safe>{c.declaration}</legend>
              <Checkbox
                path="declarations.independentOfCertifierAndVerifier"
                label={c.declareIndependence}
                checked={values['declarations.independentOfCertifierAndVerifier'] === 'true'}
                error={errorOf('declarations.independentOfCertifierAndVerifier')}
              />
            </fieldset>
          </>
        ) : (
          <>
            <div class="fields">
              {field('product.name', c.productName, { required: true })}
              {field('product.cfpVerificationNumber', c.cfpVerificationNumber, { required: true })}
              {field('cfpPerUnitKg', c.cfpPerUnitKg, { hint: c.decimalHint, required: true, inputmode: 'decimal' })}
              {field('quantity', c.quantity, { required: true, inputmode: 'numeric' })}
            </div>
            <fieldset>
              <legend safe>{c.period}</legend>
              <div class="fields">
                {field('period.start', c.start, { hint: c.dateHint, type: 'date', required: true })}
                {field('period.end', c.end, { hint: c.dateHint, type: 'date', required: true })}
              </div>
            </fieldset>
            <div class="fields">{field('partial.stageCfpPerUnitKg', c.stageCfpPerUnitKg, { hint: c.decimalHint, inputmode: 'decimal', wide: true })}</div>
            <fieldset>
              <legend safe>{c.declaration}</legend>
              <Checkbox path="declarations.notAntiSocialForce" label={c.declareNotAntiSocial} checked={values['declarations.notAntiSocialForce'] === 'true'} error={errorOf('declarations.notAntiSocialForce')} />
            </fieldset>
          </>
        )}
        <div class="actions">
          <button type="submit" safe>
            {c.create}
          </button>
        </div>
      </form>
    </Layout>
  ) as string;
}
