import { pageHref, type PageContext } from '../http/page-context';
import { FieldError } from './components';
import { Layout } from './layout';

export interface ImportFormPageProps {
  page: PageContext;
  /** The statement formats the import reads (holdingsFormatNames). */
  formats: string[];
  /** The largest file, in MB, as shown. */
  limitMb: string;
  values?: { format?: string; dryRun?: boolean };
  errors?: { statement?: string; format?: string };
}

/**
 * The upload form: the CSRF token and the choices first, the file last (the guard reads the fields
 * before the file, and the file is streamed into the import as it arrives).
 */
export function ImportFormPage({ page, formats, limitMb, values = {}, errors = {} }: ImportFormPageProps): string {
  const { t } = page;
  const i = t.imports;
  const invalid = Boolean(errors.statement ?? errors.format);
  return (
    <Layout page={page} title={i.newTitle}>
      <h1 safe>{i.newTitle}</h1>
      <p class="lead" safe>
        {i.newLead}
      </p>
      {invalid ? (
        <p class="alert" role="alert" safe>
          {t.common.fieldError}
        </p>
      ) : (
        ''
      )}
      <form class="upload import-form" method="post" action={pageHref(page, '/imports')} enctype="multipart/form-data">
        <input type="hidden" name="_csrf" value={page.account?.csrfToken ?? ''} />
        <div class="field">
          <label for="format" safe>
            {i.formatLabel}
          </label>
          <select id="format" name="format" aria-invalid={errors.format ? 'true' : undefined} aria-describedby={errors.format ? 'format-error' : undefined}>
            <option value="" selected={!values.format} safe>
              {i.formatAuto}
            </option>
            {formats.map((name) => (
              <option value={name} selected={values.format === name} safe>
                {name}
              </option>
            ))}
          </select>
          <FieldError id="format-error" message={errors.format} />
        </div>
        <label class="checkbox">
          <input type="checkbox" name="dryRun" value="true" checked={values.dryRun === true} /> <span safe>{i.dryRunLabel}</span>
        </label>
        <div class="field">
          <label for="statement" safe>
            {i.file}
          </label>
          <input
            type="file"
            id="statement"
            name="statement"
            accept=".csv,.txt,.xlsx,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            required
            aria-invalid={errors.statement ? 'true' : undefined}
            aria-describedby={errors.statement ? 'statement-hint statement-error' : 'statement-hint'}
          />
          <p class="hint" id="statement-hint" safe>
            {i.fileHint(limitMb)}
          </p>
          <FieldError id="statement-error" message={errors.statement} />
        </div>
        <div>
          <button type="submit" safe>
            {i.submit}
          </button>
        </div>
      </form>
      <p>
        <a href={pageHref(page, '/imports')} safe>
          {i.backToList}
        </a>
      </p>
    </Layout>
  ) as string;
}
