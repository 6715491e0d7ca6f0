import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { DomainError, type ClaimDraft } from '@registry/domain';
import {
  AuthorizeProviderUseCase,
  ChangeClaimStatusUseCase,
  ClaimProvidersQuery,
  CreateClaimUseCase,
  GetClaimQuery,
  ListClaimsQuery,
  OrganizationDirectoryQuery,
  RevokeProviderUseCase,
  type ClaimView,
} from '@registry/ledger';
import type { FastifyReply } from 'fastify';
import { AuthorizeProviderDto, CreateClaimDto } from '../../claims/claims.dto';
import { OnlyQueryParameters } from '../../http/query-parameters';
import { validateBody } from '../../http/validation.pipe';
import { claimDraftBody, claimFormValues, formIdempotency, formOnce, formProgram } from '../forms/claim-form';
import { refusalOrThrow, type FormRefusal } from '../forms/form-refusal';
import { CurrentPage, pageHref, type PageContext } from '../http/page-context';
import { PageResponder } from '../http/page-responder';
import { WebPages } from '../http/web-pages.decorator';
import { formField } from '../session/form-fields';
import { CurrentSession, SignedIn, type WebSession } from '../session/web-session';
import { ClaimManagePage, type ManageForm } from '../views/claim-manage';
import { NewClaimPage } from '../views/claim-new';
import { MyClaimsPage } from '../views/my-claims';

const PAGE_SIZE = 20;
/** How many providers of the directory the authorise form offers (the id field takes any other). */
const DIRECTORY_SIZE = 200;
/** The notices a manage page shows after a form succeeded (post/redirect/get). */
const DONE = ['created', 'authorized', 'revoked', 'submitted'] as const;

/**
 * An applicant's claims: list with coverage, a new draft, the claim's page with its findings, and
 * its forms (authorise and revoke providers, submit). Every form runs the use case the API route
 * runs, with the API route's DTO, as the signed-in person; another organisation's claim is a 404.
 */
@WebPages()
@SignedIn('applicant')
@Controller('claims')
export class ApplicantPagesController {
  constructor(
    private readonly listClaims: ListClaimsQuery,
    private readonly getClaim: GetClaimQuery,
    private readonly createClaim: CreateClaimUseCase,
    private readonly authorizeProvider: AuthorizeProviderUseCase,
    private readonly revokeProvider: RevokeProviderUseCase,
    private readonly changeStatus: ChangeClaimStatusUseCase,
    private readonly claimProviders: ClaimProvidersQuery,
    private readonly directory: OrganizationDirectoryQuery,
    private readonly pages: PageResponder,
  ) {}

  @Get()
  @OnlyQueryParameters('cursor', 'lang')
  async list(@CurrentPage() page: PageContext, @CurrentSession() session: WebSession, @Query('cursor') cursor: string | undefined, @Res() reply: FastifyReply): Promise<void> {
    const { items, nextCursor } = await this.listClaims.execute({ actor: session.actor, cursor, limit: PAGE_SIZE });
    // GET /v1/claims also lists the claims a provider may retire for: this page is the organisation's own.
    const own = items.filter((summary) => summary.applicantId === organizationOf(session));
    const claims = await Promise.all(own.map(async (summary) => ({ summary, view: await this.getClaim.execute(session.actor, summary.id) })));
    this.pages.send(reply, MyClaimsPage({ page, claims, first: cursor ? pageHref(page, '/claims') : undefined, next: nextCursor ? pageHref(page, '/claims', { cursor: nextCursor }) : undefined }));
  }

  @Get('new')
  @OnlyQueryParameters('type', 'lang')
  newClaim(@CurrentPage() page: PageContext, @Query('type') type: string | undefined, @Res() reply: FastifyReply): void {
    this.pages.send(reply, NewClaimPage({ page, program: formProgram(type), once: formOnce() }));
  }

  /** POST /v1/claims from a form: the same DTO and use case; a refusal shows the form again with each message beside its field. */
  @Post()
  @HttpCode(200)
  @OnlyQueryParameters('lang')
  async create(@CurrentPage() page: PageContext, @CurrentSession() session: WebSession, @Body() form: unknown, @Res() reply: FastifyReply): Promise<void> {
    const program = formProgram(formField(form, 'type'));
    const values = claimFormValues(form, program);
    const body = claimDraftBody(values, program);
    try {
      const draft = await validateBody(CreateClaimDto, body);
      const { result } = await this.createClaim.execute({ actor: session.actor, body: draft as unknown as ClaimDraft, idempotency: formIdempotency(form, body) });
      this.seeOther(reply, page, `/claims/${result.id}`, 'created');
    } catch (error) {
      // The same form sent again with other content (back, edit, send): shown as it is, with a token of its own to send.
      const reused = error instanceof DomainError && error.code === 'IDEMPOTENCY_KEY_REUSED';
      const refusal = reused ? ({ kind: 'state', fields: {}, rules: [], detail: error.message, status: 409 } satisfies FormRefusal) : refusalOrThrow(error);
      this.pages.send(reply, NewClaimPage({ page, program, once: reused ? formOnce() : formOnce(form), values, refusal }), refusal.status);
    }
  }

  @Get(':id')
  @OnlyQueryParameters('done', 'lang')
  async claim(@CurrentPage() page: PageContext, @CurrentSession() session: WebSession, @Param('id') id: string, @Query('done') done: string | undefined, @Res() reply: FastifyReply): Promise<void> {
    await this.sendClaim(reply, page, session, await this.ownClaim(session, id), { done: (DONE as readonly string[]).includes(done ?? '') ? done : undefined });
  }

  /** POST /v1/claims/{id}/providers: a provider of the directory (or named by its id) may retire for the claim. */
  @Post(':id/providers')
  @HttpCode(200)
  @OnlyQueryParameters('lang')
  async authorize(@CurrentPage() page: PageContext, @CurrentSession() session: WebSession, @Param('id') id: string, @Body() body: unknown, @Res() reply: FastifyReply): Promise<void> {
    const claim = await this.ownClaim(session, id);
    const providerId = (formField(body, 'providerId') ?? '').trim();
    try {
      const dto = await validateBody(AuthorizeProviderDto, { providerId });
      await this.authorizeProvider.execute(session.actor, claim.id, dto.providerId);
      this.seeOther(reply, page, `/claims/${claim.id}`, 'authorized');
    } catch (error) {
      await this.sendRefused(reply, page, session, claim, 'authorize', refusalOrThrow(error), providerId);
    }
  }

  /** DELETE /v1/claims/{id}/providers/{providerId} as a form (HTML forms post): the provider may no longer retire for the claim. */
  @Post(':id/providers/:providerId/revoke')
  @HttpCode(200)
  @OnlyQueryParameters('lang')
  async revoke(@CurrentPage() page: PageContext, @CurrentSession() session: WebSession, @Param('id') id: string, @Param('providerId') providerId: string, @Res() reply: FastifyReply): Promise<void> {
    const claim = await this.ownClaim(session, id);
    await this.revokeProvider.execute({ actor: session.actor, claimId: claim.id, providerId });
    this.seeOther(reply, page, `/claims/${claim.id}`, 'revoked');
  }

  /** POST /v1/claims/{id}/submit: refused (422) with the rules not met, by their ids, when not covered or a rule is broken. */
  @Post(':id/submit')
  @HttpCode(200)
  @OnlyQueryParameters('lang')
  async submit(@CurrentPage() page: PageContext, @CurrentSession() session: WebSession, @Param('id') id: string, @Res() reply: FastifyReply): Promise<void> {
    const claim = await this.ownClaim(session, id);
    try {
      await this.changeStatus.execute({ actor: session.actor, claimId: claim.id, action: 'submit' });
      this.seeOther(reply, page, `/claims/${claim.id}`, 'submitted');
    } catch (error) {
      await this.sendRefused(reply, page, session, claim, 'submit', refusalOrThrow(error));
    }
  }

  /** The claim, when it is this organisation's own; else 404 (another's claim is not told apart from none). */
  private async ownClaim(session: WebSession, id: string): Promise<ClaimView> {
    try {
      const claim = await this.getClaim.execute(session.actor, id);
      if (claim.applicantId === organizationOf(session)) return claim;
    } catch (error) {
      if (!(error instanceof DomainError && error.code === 'FORBIDDEN')) throw error;
    }
    throw new DomainError('NOT_FOUND', `claim ${id} is not a claim of this organisation`, { field: 'id' });
  }

  private async sendRefused(reply: FastifyReply, page: PageContext, session: WebSession, claim: ClaimView, form: ManageForm, refusal: FormRefusal, providerId?: string): Promise<void> {
    // Read again: the refused change wrote nothing, but the page shows the claim as it stands now.
    const current = await this.ownClaim(session, claim.id);
    await this.sendClaim(reply, page, session, current, { refusal: { form, refusal, providerId } }, refusal.status);
  }

  private async sendClaim(reply: FastifyReply, page: PageContext, session: WebSession, claim: ClaimView, extra: { done?: string; refusal?: { form: ManageForm; refusal: FormRefusal; providerId?: string } }, status = 200): Promise<void> {
    const [providers, directory] = await Promise.all([
      this.claimProviders.execute(session.actor, claim.id),
      this.directory.execute({ actor: session.actor, role: 'provider', limit: DIRECTORY_SIZE }),
    ]);
    const authorised = new Set(providers.map((p) => p.id));
    this.pages.send(reply, ClaimManagePage({ page, claim, providers, directory: directory.items.filter((entry) => !authorised.has(entry.id)), ...extra }), status);
  }

  private seeOther(reply: FastifyReply, page: PageContext, path: string, done: (typeof DONE)[number]): void {
    reply.header('Cache-Control', 'no-store').redirect(pageHref(page, path, { done }), 303);
  }
}

function organizationOf(session: WebSession): string | undefined {
  return session.actor.kind === 'organization' ? session.actor.organizationId : undefined;
}
