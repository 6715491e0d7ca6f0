import { pageHref, type PageContext } from '../http/page-context';
import { FieldError, FieldsRefusedAlert } from './components';
import { Layout } from './layout';
import { UploadField, UploadForm } from './upload-form';

/** The encodings the form offers for a CSV (an .xlsx carries its own). */
export const IMPORT_CHARSETS = ['auto', 'utf-8', 'shift_jis'] as const;

export interface ImportFormPageProps {
  page: PageContext;
  /** The statement formats the import reads (holdingsFormatNames). */
  formats: string[];
  /** The largest file, in MB, as shown. */
  limitMb: string;
  values?: { format?: string; charset?: string; dryRun?: boolean };
  errors?: { statement?: string; format?: string; charset?: string };
}

/**
 * The upload form: the CSRF token and the choices first, the file last (the guard reads the fields
 * before the file, and the file is streamed into the import as it arrives).
 */
export function ImportFormPage({ page, formats, limitMb, values = {}, errors = {} }: ImportFormPageProps): string {
  const { t } = page;
  const i = t.imports;
  const invalid = Boolean(errors.statement ?? errors.format ?? errors.charset);
  const charset = values.charset ?? 'auto';
  return (
    <Layout page={page} title={i.newTitle}>
      <h1 safe>{i.newTitle}</h1>
      <p class="lead" safe>
        {i.newLead}
      </p>
      <FieldsRefusedAlert page={page} shown={invalid} />
      <UploadForm page={page} formClass="import-form" action={pageHref(page, '/imports')} submit={i.submit}>
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
        <div class="field">
          <label for="charset" safe>
            {i.charsetLabel}
          </label>
          <select id="charset" name="charset" aria-invalid={errors.charset ? 'true' : undefined} aria-describedby={errors.charset ? 'charset-error' : undefined}>
            {IMPORT_CHARSETS.map((name) => (
              <option value={name} selected={charset === name} safe>
                {i.charsetNames[name]}
              </option>
            ))}
          </select>
          <FieldError id="charset-error" message={errors.charset} />
        </div>
        <label class="checkbox">
          <input type="checkbox" name="dryRun" value="true" checked={values.dryRun === true} /> <span safe>{i.dryRunLabel}</span>
        </label>
        <UploadField
          name="statement"
          label={i.file}
          accept=".csv,.txt,.xlsx,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          hint={i.fileHint(limitMb)}
          error={errors.statement}
          required
        />
      </UploadForm>
      <p>
        <a href={pageHref(page, '/imports')} safe>
          {i.backToList}
        </a>
      </p>
    </Layout>
  ) as string;
}
