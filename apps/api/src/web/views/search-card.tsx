import type { PageContext } from '../http/page-context';
import { attributeText, FieldError, LangField } from './components';

export interface SearchFormProps {
  page: PageContext;
  /** Where the GET form goes: its address is the search's, to bookmark or share. */
  action: string;
  /** The input's id; its hint and error take it as a prefix. */
  id: string;
  name: string;
  label: string;
  hint: string;
  /** Serials and certificate numbers: monospaced, no spell check, required. */
  code?: boolean;
  value?: string;
  error?: string;
  /** The accessible name of the search region. */
  labelledBy: string;
}

/** One field and its button: a GET form that needs no script. */
export function SearchForm({ page, action, id, name, label, hint, code, value, error, labelledBy }: SearchFormProps): JSX.Element {
  const describedBy = error ? `${id}-hint ${id}-error` : `${id}-hint`;
  return (
    <form class="search" method="get" action={action} role="search" aria-labelledby={labelledBy}>
      <LangField page={page} />
      <div class="inline-search">
        <div class="field">
          <label for={id} safe>
            {label}
          </label>
          {code ? (
            <input type="text" id={id} name={name} value={attributeText(value)} required spellcheck="false" autocomplete="off" class="mono" aria-invalid={error ? 'true' : undefined} aria-describedby={describedBy} />
          ) : (
            <input type="search" id={id} name={name} value={attributeText(value)} aria-invalid={error ? 'true' : undefined} aria-describedby={describedBy} />
          )}
          <span class={code ? 'hint mono' : 'hint'} id={`${id}-hint`} safe>
            {hint}
          </span>
          <FieldError id={`${id}-error`} message={error} />
        </div>
        <button type="submit" safe>
          {page.t.common.search}
        </button>
      </div>
    </form>
  );
}

/** A home-page card: a heading and its one search form. */
export function SearchCard({ title, ...form }: Omit<SearchFormProps, 'labelledBy'> & { title: string }): JSX.Element {
  const headingId = `${form.id}-h`;
  return (
    <section class="card" aria-labelledby={headingId}>
      <h2 id={headingId} safe>
        {title}
      </h2>
      <SearchForm {...form} labelledBy={headingId} />
    </section>
  );
}
