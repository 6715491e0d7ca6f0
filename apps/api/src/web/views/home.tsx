import type { RegisterEntry } from '@registry/ledger';
import { pageHref, type PageContext } from '../http/page-context';
import { LangField } from './components';
import { Layout } from './layout';
import { RegisterTable } from './register-table';

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
        <section class="card" aria-labelledby="home-register">
          <h2 id="home-register" safe>
            {t.home.registerTitle}
          </h2>
          <form class="search" method="get" action="/register" role="search" aria-labelledby="home-register">
            <LangField page={page} />
            <div class="inline-search">
              <div class="field">
                <label for="home-q" safe>
                  {t.register.q}
                </label>
                <input type="search" id="home-q" name="q" aria-describedby="home-q-hint" />
                <span class="hint" id="home-q-hint" safe>
                  {t.home.registerHint}
                </span>
              </div>
              <button type="submit" safe>
                {t.common.search}
              </button>
            </div>
          </form>
        </section>
        <section class="card" aria-labelledby="home-serial">
          <h2 id="home-serial" safe>
            {t.home.serialTitle}
          </h2>
          <form class="search" method="get" action="/serials" role="search" aria-labelledby="home-serial">
            <LangField page={page} />
            <div class="inline-search">
              <div class="field">
                <label for="home-serial-input" safe>
                  {t.serials.serial}
                </label>
                <input type="text" id="home-serial-input" name="serial" required spellcheck="false" autocomplete="off" aria-describedby="home-serial-hint" />
                <span class="hint mono" id="home-serial-hint" safe>
                  {t.serials.serialHint}
                </span>
              </div>
              <button type="submit" safe>
                {t.common.search}
              </button>
            </div>
          </form>
        </section>
        <section class="card" aria-labelledby="home-verify">
          <h2 id="home-verify" safe>
            {t.home.verifyTitle}
          </h2>
          <form class="search" method="get" action="/verify" role="search" aria-labelledby="home-verify">
            <input type="hidden" name="lang" value={page.lang} />
            <div class="inline-search">
              <div class="field">
                <label for="home-number" safe>
                  {t.claim.certificate}
                </label>
                <input type="text" id="home-number" name="number" required spellcheck="false" autocomplete="off" aria-describedby="home-number-hint" />
                <span class="hint mono" id="home-number-hint">
                  RC-2026-000123 / CN-2026-0001
                </span>
              </div>
              <button type="submit" safe>
                {t.common.search}
              </button>
            </div>
          </form>
        </section>
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
