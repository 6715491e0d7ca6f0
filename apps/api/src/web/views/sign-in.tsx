import { pageHref, type PageContext } from '../http/page-context';
import { attributeText } from './components';
import { Layout } from './layout';

export interface SignInPageProps {
  page: PageContext;
  /** The form's CSRF token (derived from the pre-session cookie). */
  csrfToken: string;
  /** Where to go once signed in (a local path). */
  next: string;
  /** The email typed, shown back after a refusal; the password never is. */
  email?: string;
  /** One message for every refusal; which part was wrong is not told. */
  refusal?: 'refused' | { retryAfterSeconds: number };
}

/** The sign-in form: works without JavaScript, posts to /sign-in with its CSRF token and where to go next. */
export function SignInPage({ page, csrfToken, next, email, refusal }: SignInPageProps): string {
  const { t } = page;
  const s = t.signIn;
  const message = refusal === undefined ? undefined : refusal === 'refused' ? s.refused : s.tooMany(String(Math.ceil(refusal.retryAfterSeconds / 60)));
  return (
    <Layout page={page} title={s.title}>
      <h1 safe>{s.title}</h1>
      <p class="lead" safe>
        {s.lead}
      </p>
      {message ? (
        <p class="alert" role="alert" id="sign-in-error" safe>
          {message}
        </p>
      ) : (
        ''
      )}
      <form class="sign-in" method="post" action={pageHref(page, '/sign-in')} aria-describedby={message ? 'sign-in-error' : undefined}>
        <input type="hidden" name="_csrf" value={csrfToken} />
        <input type="hidden" name="next" value={attributeText(next)} />
        <div class="field">
          <label for="email" safe>
            {s.email}
          </label>
          <input type="email" id="email" name="email" value={attributeText(email)} required autocomplete="username" spellcheck="false" />
        </div>
        <div class="field">
          <label for="password" safe>
            {s.password}
          </label>
          <input type="password" id="password" name="password" required autocomplete="current-password" />
        </div>
        <div>
          <button type="submit" safe>
            {s.submit}
          </button>
        </div>
      </form>
      <p class="note" safe>
        {s.reset}
      </p>
    </Layout>
  ) as string;
}
