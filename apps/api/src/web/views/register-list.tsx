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
  const { values, errors } = form;
  const invalid = (field: RegisterFormField) => (errors[field] ? 'true' : undefined);
  const describedBy = (field: RegisterFormField, hint?: string) => [hint, errors[field] ? `${field}-error` : undefined].filter(Boolean).join(' ') || undefined;
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
            <div class="field wide">
              <label for="q" safe>
                {r.q}
              </label>
              <input type="search" id="q" name="q" value={attributeText(values.q)} maxlength="200" aria-invalid={invalid('q')} aria-describedby={describedBy('q')} />
              <FieldError id="q-error" message={errors.q} />
            </div>
            <div class="field">
              <label for="type" safe>
                {r.type}
              </label>
              <select id="type" name="type" aria-invalid={invalid('type')} aria-describedby={describedBy('type')}>
                <option value="" safe>
                  {t.common.any}
                </option>
                {CLAIM_TYPES.map((type) => (
                  <option value={type} selected={values.type === type} safe>
                    {t.programs[type] ?? type}
                  </option>
                ))}
              </select>
              <FieldError id="type-error" message={errors.type} />
            </div>
            <div class="field">
              <label for="status" safe>
                {r.status}
              </label>
              <select id="status" name="status" aria-invalid={invalid('status')} aria-describedby={describedBy('status')}>
                <option value="" safe>
                  {t.common.any}
                </option>
                {REGISTER_STATUSES.map((status) => (
                  <option value={status} selected={values.status === status} safe>
                    {t.claimStatus[status] ?? status}
                  </option>
                ))}
              </select>
              <FieldError id="status-error" message={errors.status} />
            </div>
            <div class="field">
              <label for="certifiedFrom" safe>
                {r.certifiedFrom}
              </label>
              <input type="date" id="certifiedFrom" name="certifiedFrom" value={attributeText(values.certifiedFrom)} aria-invalid={invalid('certifiedFrom')} aria-describedby={describedBy('certifiedFrom', 'date-hint')} />
              <FieldError id="certifiedFrom-error" message={errors.certifiedFrom} />
            </div>
            <div class="field">
              <label for="certifiedTo" safe>
                {r.certifiedTo}
              </label>
              <input type="date" id="certifiedTo" name="certifiedTo" value={attributeText(values.certifiedTo)} aria-invalid={invalid('certifiedTo')} aria-describedby={describedBy('certifiedTo', 'date-hint')} />
              <FieldError id="certifiedTo-error" message={errors.certifiedTo} />
            </div>
          </div>
          <p class="hint" id="date-hint" safe>
            {`${r.certifiedOn}: ${r.dateHint}`}
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
