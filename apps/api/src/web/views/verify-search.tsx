import { pageHref, type PageContext } from '../http/page-context';
import { Layout } from './layout';
import { SearchForm } from './search-card';

/** The certificate-number form: it submits `?number=`, which the server redirects to `/verify/{number}`. */
export function VerifySearch({ page, number }: { page: PageContext; number?: string }): JSX.Element {
  const v = page.t.verify;
  return (
    <section aria-labelledby="verify-search-h">
      <h2 id="verify-search-h" safe>
        {v.title}
      </h2>
      <SearchForm page={page} action="/verify" id="q-number" name="number" label={v.number} hint={v.numberHint} code value={number} labelledBy="verify-search-h" />
      <SerialLink page={page} />
    </section>
  );
}

function SerialLink({ page }: { page: PageContext }): JSX.Element {
  return (
    <p>
      <a href={pageHref(page, '/serials')} safe>
        {page.t.verify.serialLead}
      </a>
    </p>
  );
}

/** `GET /verify`: what the page is for, and the form. */
export function VerifySearchPage({ page }: { page: PageContext }): string {
  const v = page.t.verify;
  return (
    <Layout page={page} title={v.title} nav="verify">
      <h1 id="verify-h" safe>
        {v.title}
      </h1>
      <p class="lead" safe>
        {v.lead}
      </p>
      <SearchForm page={page} action="/verify" id="q-number" name="number" label={v.number} hint={v.numberHint} code labelledBy="verify-h" />
      <SerialLink page={page} />
    </Layout>
  ) as string;
}

/** `GET /verify/{number}` for a number no certificate has: 404, the number shown back in the form. */
export function CertificateNotFoundPage({ page, number }: { page: PageContext; number: string }): string {
  const v = page.t.verify;
  return (
    <Layout page={page} title={v.notFoundTitle} nav="verify">
      <h1 safe>{v.notFoundTitle}</h1>
      <p class="alert" role="alert" safe>
        {v.notFoundBody(number)}
      </p>
      <VerifySearch page={page} number={number} />
    </Layout>
  ) as string;
}
