import { Module } from '@nestjs/common';
import { LedgerModule } from '@registry/ledger';
import { NotFoundPage } from './http/not-found-page';
import { PageResponder } from './http/page-responder';
import { HomeController } from './pages/home.controller';
import { LogPageController } from './pages/log-page.controller';
import { RegisterPagesController } from './pages/register-pages.controller';
import { SchemesPageController } from './pages/schemes-page.controller';
import { SerialPagesController } from './pages/serial-pages.controller';
import { SiteController } from './pages/site.controller';

/**
 * The web pages for people, served by the API process on the same port: server-rendered HTML
 * (TSX through @kitajs/html), Japanese by default, English by switch. Controllers use
 * `@WebPages()`, take `@CurrentPage()` and answer through PageResponder with a view wrapped in Layout.
 */
@Module({
  imports: [LedgerModule],
  controllers: [SiteController, HomeController, RegisterPagesController, SerialPagesController, LogPageController, SchemesPageController],
  providers: [PageResponder, NotFoundPage],
  exports: [PageResponder, NotFoundPage],
})
export class WebModule {}
