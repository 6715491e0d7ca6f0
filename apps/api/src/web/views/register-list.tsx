import { CLAIM_TYPES, type RegisterEntry } from '@registry/ledger';
import { REGISTER_STATUSES, type RegisterFormField, type RegisterFormReading } from '../forms/register-filter';
import { pageHref, type PageContext } from '../http/page-context';
import { attributeText, FieldError, LangField, Pager } from './components';
import { Layout } from './layout';
import { RegisterTable } from './register-table';

export interface RegisterListProps {
  page: PageContext;
  form: RegisterFormReading;
  /** Null when the form has errors (nothing was searched). */
  entries: RegisterEntry[] | null;
  nextCursor?: string;
  /** Whether this is a later page (a link back to the first one is shown). */
  paged: boolean;
}

/** The register with its filters; the form is a GET, so every search has an address to share. */
export function RegisterListPage({ page, form, entries, nextCursor, paged }: RegisterListProps): string {
  const { t } = page;
  const r = t.register;
  const f = t.registerFilters;
  const { values } = form;
  const csvHref = `/v1/register?${new URLSearchParams({ ...values, format: 'csv', lang: page.lang }).toString()}`;
  return (
    <Layout page={page} title={r.title} nav="register">
      <h1 safe>{r.title}</h1>
      <p class="lead" safe>
        {r.lead}
      </p>
      <form class="filters" method="get" action="/register" role="search" aria-labelledby="filters-legend">
        <LangField page={page} />
        <fieldset>
          <legend id="filters-legend" safe>
            {r.filters}
          </legend>
          <div class="fields">
            <TextFilter field="q" label={r.q} form={form} wide />
            {(['applicant', 'product', 'beneficiary'] as const).map((field) => (
              <TextFilter field={field} label={f[field]} form={form} />
            ))}
            <ChoiceFilter field="type" label={r.type} form={form} page={page} choices={CLAIM_TYPES.map((type) => [type, t.programs[type] ?? type])} />
            <ChoiceFilter field="status" label={r.status} form={form} page={page} choices={REGISTER_STATUSES.map((status) => [status, t.claimStatus[status] ?? status])} />
            <DateFilter field="certifiedFrom" label={r.certifiedFrom} hint="date-hint" form={form} />
            <DateFilter field="certifiedTo" label={r.certifiedTo} hint="date-hint" form={form} />
            <DateFilter field="periodFrom" label={f.periodFrom} hint="period-hint" form={form} />
            <DateFilter field="periodTo" label={f.periodTo} hint="period-hint" form={form} />
          </div>
          <p class="hint" id="date-hint" safe>
            {`${r.certifiedOn}: ${r.dateHint}`}
          </p>
          <p class="hint" id="period-hint" safe>
            {`${f.period}: ${r.dateHint}`}
          </p>
        </fieldset>
        <div class="actions">
          <button type="submit" safe>
            {t.common.search}
          </button>
          <a href={pageHref(page, '/register')} safe>
            {t.common.clear}
          </a>
        </div>
      </form>
      {entries === null ? (
        <p class="alert" role="alert" safe>
          {t.common.fieldError}
        </p>
      ) : entries.length === 0 ? (
        <p safe>{r.empty}</p>
      ) : (
        <>
          <RegisterTable page={page} entries={entries} caption={r.caption} />
          <Pager
            page={page}
            first={paged ? pageHref(page, '/register', values) : undefined}
            next={nextCursor ? pageHref(page, '/register', { ...values, cursor: nextCursor }) : undefined}
          />
          <p>
            <a href={csvHref} safe>
              {r.download}
            </a>
          </p>
        </>
      )}
    </Layout>
  ) as string;
}

function describedByOf(form: RegisterFormReading, field: RegisterFormField, hint?: string): string | undefined {
  return [hint, form.errors[field] ? `${field}-error` : undefined].filter(Boolean).join(' ') || undefined;
}

/** A filter on part of a name: what was typed comes back in the field, its error beside it. */
function TextFilter({ field, label, form, wide }: { field: RegisterFormField; label: string; form: RegisterFormReading; wide?: boolean }): JSX.Element {
  return (
    <div class={wide ? 'field wide' : 'field'}>
      <label for={field} safe>
        {label}
      </label>
      <input type="search" id={field} name={field} value={attributeText(form.values[field])} maxlength="200" aria-invalid={form.errors[field] ? 'true' : undefined} aria-describedby={describedByOf(form, field)} />
      <FieldError id={`${field}-error`} message={form.errors[field]} />
    </div>
  );
}

function DateFilter({ field, label, hint, form }: { field: RegisterFormField; label: string; hint: string; form: RegisterFormReading }): JSX.Element {
  return (
    <div class="field">
      <label for={field} safe>
        {label}
      </label>
      <input type="date" id={field} name={field} value={attributeText(form.values[field])} aria-invalid={form.errors[field] ? 'true' : undefined} aria-describedby={describedByOf(form, field, hint)} />
      <FieldError id={`${field}-error`} message={form.errors[field]} />
    </div>
  );
}

function ChoiceFilter({ field, label, form, page, choices }: { field: RegisterFormField; label: string; form: RegisterFormReading; page: PageContext; choices: [string, string][] }): JSX.Element {
  return (
    <div class="field">
      <label for={field} safe>
        {label}
      </label>
      <select id={field} name={field} aria-invalid={form.errors[field] ? 'true' : undefined} aria-describedby={describedByOf(form, field)}>
        <option value="" safe>
          {page.t.common.any}
        </option>
        {choices.map(([value, text]) => (
          <option value={value} selected={form.values[field] === value} safe>
            {text}
          </option>
        ))}
      </select>
      <FieldError id={`${field}-error`} message={form.errors[field]} />
    </div>
  );
}
