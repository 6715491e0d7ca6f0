import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { IssueApiKeyUseCase, ListApiKeysUseCase, RevokeApiKeyUseCase } from '@registry/auth';
import { DomainError, type Role } from '@registry/domain';
import {
  CreateOrganizationUseCase,
  CreatePersonUseCase,
  generatePassword,
  GetOrganizationUseCase,
  ListPeopleQuery,
  OrganizationDirectoryQuery,
  RenameOrganizationUseCase,
  ResetPasswordUseCase,
} from '@registry/ledger';
import type { FastifyReply } from 'fastify';
import { OnlyQueryParameters } from '../../http/query-parameters';
import { validateBody } from '../../http/validation.pipe';
import { CreateApiKeyDto, CreateOrganizationDto, RenameOrganizationDto } from '../../organizations/organization.dto';
import { formValues, refusedForm, type RefusedForm } from '../forms/refused-form';
import { CurrentPage, pageHref, type PageContext } from '../http/page-context';
import { PageResponder } from '../http/page-responder';
import { WebPages } from '../http/web-pages.decorator';
import { formField } from '../session/form-fields';
import { CurrentSession, SignedIn, type WebSession } from '../session/web-session';
import { AdminOrganizationPage, ADMIN_NOTICES, type AdminNotice } from '../views/admin/admin-organization';
import { AdminOrganizationsPage } from '../views/admin/admin-organizations';
import { AdminOverviewPage } from '../views/admin/admin-overview';
import { AdminSecretPage } from '../views/admin/admin-secret';

const PAGE_SIZE = 50;

/**
 * The administrator's pages: organisations, their people and their API keys, through the same use
 * cases as /v1/organizations and /v1/api-keys (and the console's people commands), each with the
 * session's actor so the journal names the administrator. A secret made here (an API key, a
 * generated password) is on the answer to its POST only, sent no-store, and never logged.
 */
@WebPages()
@SignedIn('admin')
@Controller('admin')
export class AdminPagesController {
  constructor(
    private readonly directory: OrganizationDirectoryQuery,
    private readonly getOrganization: GetOrganizationUseCase,
    private readonly createOrganization: CreateOrganizationUseCase,
    private readonly renameOrganization: RenameOrganizationUseCase,
    private readonly listPeople: ListPeopleQuery,
    private readonly createPerson: CreatePersonUseCase,
    private readonly resetPassword: ResetPasswordUseCase,
    private readonly listApiKeys: ListApiKeysUseCase,
    private readonly issueApiKey: IssueApiKeyUseCase,
    private readonly revokeApiKey: RevokeApiKeyUseCase,
    private readonly pages: PageResponder,
  ) {}

  @Get()
  @OnlyQueryParameters('lang')
  overview(@CurrentPage() page: PageContext, @Res() reply: FastifyReply): void {
    this.pages.send(reply, AdminOverviewPage({ page }));
  }

  @Get('organizations')
  @OnlyQueryParameters('cursor', 'lang')
  async organizations(@CurrentPage() page: PageContext, @CurrentSession() session: WebSession, @Query('cursor') cursor: string | undefined, @Res() reply: FastifyReply): Promise<void> {
    await this.sendOrganizations(page, session, reply, cursor);
  }

  @Post('organizations')
  @HttpCode(200)
  @OnlyQueryParameters('lang')
  async create(@CurrentPage() page: PageContext, @CurrentSession() session: WebSession, @Body() body: unknown, @Res() reply: FastifyReply): Promise<void> {
    const name = formField(body, 'name') ?? '';
    const corporateNumber = formField(body, 'corporateNumber')?.trim() || undefined;
    const roles = formValues(body, 'roles');
    try {
      // The API's own DTO: the same limits on the name, the number and the roles as POST /v1/organizations.
      const command = await validateBody(CreateOrganizationDto, { name, roles, ...(corporateNumber ? { corporateNumber } : {}) });
      const organization = await this.createOrganization.execute({ ...command, actor: session.actor });
      this.redirect(reply, page, organization.id, 'created');
    } catch (error) {
      await this.sendOrganizations(page, session, reply, undefined, refusedForm('create-organization', { name, corporateNumber: corporateNumber ?? '', roles }, error));
    }
  }

  @Get('organizations/:id')
  @OnlyQueryParameters('done', 'lang')
  async organization(
    @CurrentPage() page: PageContext,
    @CurrentSession() session: WebSession,
    @Param('id') id: string,
    @Query('done') done: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const notice = ADMIN_NOTICES.find((candidate) => candidate === done);
    await this.sendOrganization(page, session, reply, id, { notice });
  }

  @Post('organizations/:id/rename')
  @HttpCode(200)
  @OnlyQueryParameters('lang')
  async rename(@CurrentPage() page: PageContext, @CurrentSession() session: WebSession, @Param('id') id: string, @Body() body: unknown, @Res() reply: FastifyReply): Promise<void> {
    const name = formField(body, 'name') ?? '';
    try {
      const command = await validateBody(RenameOrganizationDto, { name });
      await this.renameOrganization.execute({ actor: session.actor, organizationId: id, name: command.name });
      this.redirect(reply, page, id, 'renamed');
    } catch (error) {
      await this.sendOrganization(page, session, reply, id, { refused: refusedForm('rename', { name }, error) });
    }
  }

  /** A typed password: 303 back to the organisation. None typed: one is generated and shown on this answer only. */
  @Post('organizations/:id/people')
  @HttpCode(200)
  @OnlyQueryParameters('lang')
  async addPerson(@CurrentPage() page: PageContext, @CurrentSession() session: WebSession, @Param('id') id: string, @Body() body: unknown, @Res() reply: FastifyReply): Promise<void> {
    const email = formField(body, 'email') ?? '';
    const typed = formField(body, 'password') ?? '';
    const roles = formValues(body, 'roles');
    const password = typed === '' ? generatePassword() : typed;
    try {
      const person = await this.createPerson.execute({ organizationId: id, email, password, roles: roles as Role[], actor: session.actor });
      if (typed !== '') return this.redirect(reply, page, id, 'person-created');
      const a = page.t.admin;
      this.sendSecret(reply, AdminSecretPage({ page, title: a.personCreatedTitle, warning: a.passwordOnce, label: a.password, secret: password, about: person.email, organizationId: id }));
    } catch (error) {
      await this.sendOrganization(page, session, reply, id, { refused: refusedForm('create-person', { email, roles }, error) });
    }
  }

  /** A new generated password, shown once; every session of the person ends (the use case revokes them). */
  @Post('people/:personId/reset-password')
  @HttpCode(200)
  @OnlyQueryParameters('lang')
  async reset(@CurrentPage() page: PageContext, @CurrentSession() session: WebSession, @Param('personId') personId: string, @Res() reply: FastifyReply): Promise<void> {
    const password = generatePassword();
    const result = await this.resetPassword.execute({ personId, newPassword: password, actor: session.actor });
    const a = page.t.admin;
    this.sendSecret(
      reply,
      AdminSecretPage({
        page,
        title: a.passwordResetTitle,
        lead: a.passwordResetLead(String(result.sessionsRevoked)),
        warning: a.passwordOnce,
        label: a.password,
        secret: password,
        organizationId: result.organizationId,
      }),
    );
  }

  /** Not idempotent, as POST /v1/organizations/{id}/api-keys: a replay would have to keep the plaintext key. */
  @Post('organizations/:id/keys')
  @HttpCode(200)
  @OnlyQueryParameters('lang')
  async addKey(@CurrentPage() page: PageContext, @CurrentSession() session: WebSession, @Param('id') id: string, @Body() body: unknown, @Res() reply: FastifyReply): Promise<void> {
    const label = formField(body, 'label')?.trim() || undefined;
    const expiresAt = formField(body, 'expiresAt')?.trim() || undefined;
    try {
      const command = await validateBody(CreateApiKeyDto, { ...(label ? { label } : {}), ...(expiresAt ? { expiresAt } : {}) });
      const issued = await this.issueApiKey.execute({ organizationId: id, label: command.label, expiresAt: command.expiresAt, actor: session.actor });
      const a = page.t.admin;
      this.sendSecret(reply, AdminSecretPage({ page, title: a.keyCreatedTitle, warning: a.keyOnce, label: a.key, secret: issued.key, organizationId: id }));
    } catch (error) {
      await this.sendOrganization(page, session, reply, id, { refused: refusedForm('create-key', { label: label ?? '', expiresAt: expiresAt ?? '' }, error) });
    }
  }

  @Post('organizations/:id/keys/:keyId/revoke')
  @HttpCode(200)
  @OnlyQueryParameters('lang')
  async revoke(@CurrentPage() page: PageContext, @CurrentSession() session: WebSession, @Param('id') id: string, @Param('keyId') keyId: string, @Res() reply: FastifyReply): Promise<void> {
    // The page's address names the organisation: a key of another one is not found here.
    const { items } = await this.listApiKeys.execute({ organizationId: id, actor: session.actor });
    if (!items.some((key) => key.id === keyId)) throw new DomainError('NOT_FOUND', `API key ${keyId} does not exist`);
    await this.revokeApiKey.execute({ apiKeyId: keyId, actor: session.actor });
    this.redirect(reply, page, id, 'revoked');
  }

  private async sendOrganizations(page: PageContext, session: WebSession, reply: FastifyReply, cursor: string | undefined, refused?: RefusedForm): Promise<void> {
    const { items, nextCursor } = await this.directory.execute({ actor: session.actor, cursor, limit: PAGE_SIZE });
    const first = cursor ? pageHref(page, '/admin/organizations') : undefined;
    const next = nextCursor ? pageHref(page, '/admin/organizations', { cursor: nextCursor }) : undefined;
    this.pages.send(reply, AdminOrganizationsPage({ page, items, first, next, refused }), refused?.status ?? 200);
  }

  private async sendOrganization(
    page: PageContext,
    session: WebSession,
    reply: FastifyReply,
    id: string,
    state: { notice?: AdminNotice; refused?: RefusedForm },
  ): Promise<void> {
    const organization = await this.getOrganization.execute(id);
    const [people, keys] = await Promise.all([
      this.listPeople.execute({ organizationId: id, actor: session.actor }),
      this.listApiKeys.execute({ organizationId: id, actor: session.actor }),
    ]);
    this.pages.send(reply, AdminOrganizationPage({ page, organization, people: people.items, keys: keys.items, ...state }), state.refused?.status ?? 200);
  }

  private redirect(reply: FastifyReply, page: PageContext, organizationId: string, done: AdminNotice): void {
    reply.header('Cache-Control', 'no-store').redirect(pageHref(page, `/admin/organizations/${encodeURIComponent(organizationId)}`, { done }), 303);
  }

  /** A page holding a secret: no cache may keep it, and the browser's back button must not show it again from one. */
  private sendSecret(reply: FastifyReply, html: string): void {
    reply.header('Cache-Control', 'no-store');
    this.pages.send(reply, html);
  }
}
