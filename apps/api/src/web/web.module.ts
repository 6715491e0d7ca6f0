import { Module } from '@nestjs/common';
import { ApiKeysModule, PeopleModule } from '@registry/auth';
import { LedgerModule } from '@registry/ledger';
import { NotFoundPage } from './http/not-found-page';
import { PageResponder } from './http/page-responder';
import { AccountPageController } from './pages/account-page.controller';
import { ApplicantPagesController } from './pages/applicant-pages.controller';
import { VerifierPagesController } from './pages/verifier-pages.controller';
import { AdminPagesController } from './pages/admin-pages.controller';
import { AuditorPagesController } from './pages/auditor-pages.controller';
import { CertifierPagesController } from './pages/certifier-pages.controller';
import { BulkCheckPagesController } from './pages/bulk-check-pages.controller';
import { ImportPagesController } from './pages/import-pages.controller';
import { HomeController } from './pages/home.controller';
import { ProviderPagesController } from './pages/provider-pages.controller';
import { RetirePagesController } from './pages/retire-pages.controller';
import { RetirementPagesController } from './pages/retirement-pages.controller';
import { SignInController } from './pages/sign-in.controller';
import { LogPageController } from './pages/log-page.controller';
import { RegisterPagesController } from './pages/register-pages.controller';
import { SchemesPageController } from './pages/schemes-page.controller';
import { SerialPagesController } from './pages/serial-pages.controller';
import { SiteController } from './pages/site.controller';
import { VerifyPagesController } from './pages/verify-pages.controller';
import { SessionCookies } from './session/session-cookies';
import { WebSessionGuard } from './session/web-session.guard';

/**
 * The web pages for people, served by the API process on the same port: server-rendered HTML
 * (TSX through @kitajs/html), Japanese by default, English by switch. Controllers use
 * `@WebPages()`, take `@CurrentPage()` and answer through PageResponder with a view wrapped in Layout.
 * People sign in with a session cookie (PeopleModule's use cases); each page is `@Public()` or
 * `@SignedIn(...roles)` (WebSessionGuard), and every unsafe method carries the form's CSRF token.
 */
@Module({
  imports: [LedgerModule, PeopleModule, ApiKeysModule],
  controllers: [
    SiteController,
    HomeController,
    RegisterPagesController,
    SerialPagesController,
    VerifyPagesController,
    LogPageController,
    SchemesPageController,
    SignInController,
    AccountPageController,
    ProviderPagesController,
    RetirePagesController,
    RetirementPagesController,
    AuditorPagesController,
    ApplicantPagesController,
    VerifierPagesController,
    CertifierPagesController,
    ImportPagesController,
    BulkCheckPagesController,
    AdminPagesController,
  ],
  providers: [PageResponder, NotFoundPage, SessionCookies, WebSessionGuard],
  exports: [PageResponder, NotFoundPage],
})
export class WebModule {}
