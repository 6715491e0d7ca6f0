import { escapeHtml } from '@kitajs/html';
import type { PageContext } from '../http/page-context';

/**
 * Text a person typed, for an attribute value (a form field shown back). The runtime escapes only
 * `"` in attributes: escaping `&` as well keeps `a&amp;b` typed in a field from coming back as `a&b`.
 */
export function attributeText(value: string | undefined): string | undefined {
  return value === undefined ? undefined : escapeHtml(value);
}

/** `1234567.5` → `1,234,567.5`: decimal strings (serial counts, tonnes) can exceed a double, so no Number(). */
export function groupDigits(decimal: string): string {
  const [whole, fraction] = decimal.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

export type Tone = 'ok' | 'warn' | 'bad' | 'neutral';

/** A status in words (never colour alone), toned by what it means to a reader. */
export function Badge({ tone, label }: { tone: Tone; label: string }): JSX.Element {
  return (
    <span class={`badge badge-${tone}`} safe>
      {label}
    </span>
  );
}

const CLAIM_TONES: Record<string, Tone> = { certified: 'ok', valid: 'ok', suspended: 'warn', withdrawal_requested: 'warn', expired: 'neutral', revoked: 'bad', withdrawn: 'neutral' };

export function statusTone(status: string): Tone {
  return CLAIM_TONES[status] ?? 'neutral';
}

/** Cursor paging: back to the first page, on to the next (cursors only go forward). */
export function Pager({ page, first, next }: { page: PageContext; first?: string; next?: string }): JSX.Element {
  if (!first && !next) return '';
  return (
    <nav class="pager" aria-label={page.t.common.pagination}>
      <ul>
        {first ? (
          <li>
            <a href={first} safe>
              {page.t.common.firstPage}
            </a>
          </li>
        ) : (
          ''
        )}
        {next ? (
          <li>
            <a href={next} rel="next" safe>
              {page.t.common.nextPage}
            </a>
          </li>
        ) : (
          ''
        )}
      </ul>
    </nav>
  );
}

/** The hidden `lang` field a GET form carries when `?lang=` chose the page's language. */
export function LangField({ page }: { page: PageContext }): JSX.Element {
  return page.langParam ? <input type="hidden" name="lang" value={page.langParam} /> : '';
}

/** A field's error text, referenced by the input's aria-describedby. */
export function FieldError({ id, message }: { id: string; message?: string }): JSX.Element {
  return message ? (
    <p class="field-error" id={id} safe>
      {message}
    </p>
  ) : (
    ''
  );
}

/** The hidden CSRF field every form of a signed-in page carries. */
export function CsrfField({ page }: { page: PageContext }): JSX.Element {
  return <input type="hidden" name="_csrf" value={page.account?.csrfToken ?? ''} />;
}

/** A one-button POST form in a table row (revoke, reset a password): its aria-label names the row it acts on. */
export function RowActionForm({ page, class: formClass, action, label, text }: { page: PageContext; class: string; action: string; label: string; text: string }): JSX.Element {
  return (
    <form class={formClass} method="post" action={action}>
      <CsrfField page={page} />
      <button type="submit" class="secondary" aria-label={label} safe>
        {text}
      </button>
    </form>
  );
}

/** The alert above a form some of whose fields were refused (each field says why beside it). */
export function FieldsRefusedAlert({ page, shown }: { page: PageContext; shown: boolean }): JSX.Element {
  return shown ? (
    <p class="alert" role="alert" safe>
      {page.t.common.fieldError}
    </p>
  ) : (
    ''
  );
}
