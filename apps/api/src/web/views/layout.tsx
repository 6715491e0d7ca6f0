import type { PropsWithChildren } from '@kitajs/html';
import { STYLESHEET_HREF } from '../assets/stylesheet';
import { switchHref } from '../http/language';
import { pageHref, type PageContext } from '../http/page-context';

/** The menu entries; signed-in pages add theirs through `account` in the header, not here. */
export type NavKey = 'home' | 'register' | 'serials' | 'verify' | 'log' | 'schemes';

const NAV: readonly { key: NavKey; path: string }[] = [
  { key: 'home', path: '/' },
  { key: 'register', path: '/register' },
  { key: 'serials', path: '/serials' },
  { key: 'verify', path: '/verify' },
  { key: 'log', path: '/log' },
  { key: 'schemes', path: '/schemes' },
];

export interface LayoutProps {
  page: PageContext;
  /** The page's own title (the <title> adds the site's name). */
  title: string;
  /** The menu entry to mark as the current page. */
  nav?: NavKey;
  /** Header content beside the language switch; by default the signed-in person and sign-out, or the sign-in link. */
  account?: JSX.Element;
  /** A page that waits on work (an import's progress) reloads itself this often, without script. */
  refreshSeconds?: number;
}

/** The header's account slot: who is signed in, their account page and a sign-out form; else a sign-in link. */
export function AccountSlot({ page }: { page: PageContext }): JSX.Element {
  const { t, account } = page;
  if (!account) {
    return (
      <a class="account-link" href={pageHref(page, '/sign-in')} safe>
        {t.account.signIn}
      </a>
    );
  }
  return (
    <div class="account" role="group" aria-label={t.account.region}>
      <a class="account-link" href={pageHref(page, '/account')}>
        <span class="visually-hidden" safe>
          {t.account.signedInAs}
        </span>{' '}
        <span class="account-email" safe>
          {account.email}
        </span>
      </a>
      <form class="sign-out" method="post" action={pageHref(page, '/sign-out')}>
        <input type="hidden" name="_csrf" value={account.csrfToken} />
        <button type="submit" class="link-button" safe>
          {t.account.signOut}
        </button>
      </form>
    </div>
  );
}

/** The one layout: skip link, header with the language switch and the menu, main, footer. */
export function Layout({ page, title, nav, account: safeAccount, refreshSeconds, children }: PropsWithChildren<LayoutProps>): string {
  const { t, lang } = page;
  const other = lang === 'ja' ? 'en' : 'ja';
  const document = (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {refreshSeconds ? <meta http-equiv="refresh" content={String(refreshSeconds)} /> : ''}
        <title safe>{`${title} | ${t.siteName}`}</title>
        <link rel="stylesheet" href={STYLESHEET_HREF} />
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
      </head>
      <body>
        <a class="skip-link" href="#main" safe>
          {t.skipToContent}
        </a>
        <header class="site-header">
          <div class="bar">
            <a class="site-name" href={pageHref(page, '/')} safe>
              {t.siteName}
            </a>
            {safeAccount ?? <AccountSlot page={page} />}
            <a class="lang-switch" href={switchHref(other, page.url)} lang={other} hreflang={other} safe>
              {t.switchLanguage}
            </a>
          </div>
          <nav class="site-nav" aria-label={t.nav.label}>
            <ul>
              {NAV.map((entry) => (
                <li>
                  <a href={pageHref(page, entry.path)} aria-current={entry.key === nav ? 'page' : undefined} safe>
                    {t.nav[entry.key]}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <main id="main" tabindex="-1">
          {children}
        </main>
        <footer class="site-footer">
          <div class="bar">
            <p safe>{t.footer.note}</p>
            <p>
              <a href="/docs" safe>
                {t.footer.api}
              </a>
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
  return `<!doctype html>${document as string}`;
}
