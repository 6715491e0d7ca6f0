import type { RegisterEntry } from '@registry/ledger';
import { pageHref, type PageContext } from '../http/page-context';
import { Layout } from './layout';
import { RegisterTable } from './register-table';
import { SearchCard } from './search-card';

/** The front page: what the registry is, the three searches, the latest certifications. */
export function HomePage({ page, recent }: { page: PageContext; recent: RegisterEntry[] }): string {
  const { t } = page;
  return (
    <Layout page={page} title={t.home.title} nav="home">
      <h1 safe>{t.home.title}</h1>
      <p class="lead" safe>
        {t.home.lead}
      </p>
      <div class="cards">
        <SearchCard page={page} title={t.home.registerTitle} action="/register" id="home-q" name="q" label={t.register.q} hint={t.home.registerHint} />
        <SearchCard page={page} title={t.home.serialTitle} action="/serials" id="home-serial" name="serial" label={t.serials.serial} hint={t.serials.serialHint} code />
        <SearchCard page={page} title={t.home.verifyTitle} action="/verify" id="home-number" name="number" label={t.verify.number} hint={t.verify.numberHint} code />
      </div>
      <section aria-labelledby="home-recent">
        <h2 id="home-recent" safe>
          {t.home.recentTitle}
        </h2>
        {recent.length ? (
          <RegisterTable page={page} entries={recent} caption={t.register.caption} />
        ) : (
          <p safe>{t.home.recentEmpty}</p>
        )}
        <p>
          <a href={pageHref(page, '/register')} safe>
            {t.home.allRegister}
          </a>
        </p>
      </section>
      <section aria-labelledby="home-more">
        <h2 id="home-more" safe>
          {t.home.more}
        </h2>
        <ul class="links">
          <li>
            <a href={pageHref(page, '/log')} safe>
              {t.home.logLink}
            </a>
          </li>
          <li>
            <a href={pageHref(page, '/schemes')} safe>
              {t.home.schemesLink}
            </a>
          </li>
        </ul>
      </section>
    </Layout>
  ) as string;
}
