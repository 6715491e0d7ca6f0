import { Body, Controller, Get, HttpCode, Post, Res } from '@nestjs/common';
import { DomainError } from '@registry/domain';
import { CLAIM_ACCEPTS_RETIREMENTS, ListClaimsQuery, PreviewRetirementQuery, RetireCreditsUseCase, type ClaimSummary } from '@registry/ledger';
import type { FastifyReply } from 'fastify';
import { organizationOf } from '../../http/current-principal';
import { OnlyQueryParameters } from '../../http/query-parameters';
import { formRefusalsOf, newRetireKey, retireFormValues, retireIdempotency, retireRequestOf, type FormRefusal, type RetireFormValues } from '../forms/retire-form';
import { CurrentPage, pageHref, type PageContext } from '../http/page-context';
import { PageResponder } from '../http/page-responder';
import { statusOf } from '../http/web-page.filter';
import { WebPages } from '../http/web-pages.decorator';
import { formField } from '../session/form-fields';
import { CurrentSession, SignedIn, type WebSession } from '../session/web-session';
import { RetirePage, type RetirePageProps } from '../views/retire';

/** How many claims the form offers; a provider backs a handful at a time. */
const CLAIMS_OFFERED = 100;

/**
 * A provider retires credits through three steps, none needing script: the form (GET /retire), the
 * check (POST /retire/check: PreviewRetirementQuery, the retirement's own rules, nothing written)
 * and the confirmation (POST /retire: RetireCreditsUseCase with the body POST /v1/retirements takes,
 * validated by the API's DTO, and the check's one-time key as its idempotency key).
 */
@WebPages()
@Controller()
@SignedIn('provider')
export class RetirePagesController {
  constructor(
    private readonly claims: ListClaimsQuery,
    private readonly preview: PreviewRetirementQuery,
    private readonly retireCredits: RetireCreditsUseCase,
    private readonly pages: PageResponder,
  ) {}

  @Get('retire')
  @OnlyQueryParameters('lang')
  async form(@CurrentPage() page: PageContext, @CurrentSession() session: WebSession, @Res() reply: FastifyReply): Promise<void> {
    await this.send(reply, session, { page, values: {} });
  }

  /** The verdict per serial; the confirm form only when the whole request would be retired. */
  @Post('retire/check')
  @HttpCode(200)
  @OnlyQueryParameters('lang')
  async check(@CurrentPage() page: PageContext, @CurrentSession() session: WebSession, @Body() body: unknown, @Res() reply: FastifyReply): Promise<void> {
    const values = retireFormValues(body);
    const request = await this.validated(values);
    if ('refusals' in request) return this.send(reply, session, { page, values, refusals: request.refusals }, 422);
    const preview = await this.preview.execute({ ...request.dto, actor: organizationOf(session.actor) });
    if (preview.refusal) return this.send(reply, session, { page, values, preview, refusals: formRefusalsOf(preview.refusal) }, 422);
    await this.send(reply, session, { page, values, preview, confirmKey: newRetireKey() });
  }

  /** Retires, then 303 to the retirement; the same confirm form sent twice answers the first retirement. */
  @Post('retire')
  @HttpCode(200)
  @OnlyQueryParameters('lang')
  async retire(@CurrentPage() page: PageContext, @CurrentSession() session: WebSession, @Body() body: unknown, @Res() reply: FastifyReply): Promise<void> {
    const values = retireFormValues(body);
    const request = await this.validated(values);
    if ('refusals' in request) return this.send(reply, session, { page, values, refusals: request.refusals }, 422);
    const idempotency = retireIdempotency(formField(body, 'key'), request.dto);
    if (!idempotency) return this.send(reply, session, { page, values, refusals: [{ code: 'checkFirst' }] }, 422);
    try {
      const { result } = await this.retireCredits.execute({ ...request.dto, actor: organizationOf(session.actor), idempotency });
      reply.redirect(pageHref(page, `/retirements/${encodeURIComponent(result.id)}`), 303);
    } catch (error) {
      if (!(error instanceof DomainError) || statusOf(error) >= 500) throw error;
      await this.send(reply, session, { page, values, refusals: formRefusalsOf(error) }, 422);
    }
  }

  private async validated(values: RetireFormValues): Promise<{ dto: Awaited<ReturnType<typeof retireRequestOf>> } | { refusals: FormRefusal[] }> {
    try {
      return { dto: await retireRequestOf(values) };
    } catch (error) {
      if (error instanceof DomainError && error.code === 'VALIDATION_FAILED') return { refusals: formRefusalsOf(error) };
      throw error;
    }
  }

  private async send(reply: FastifyReply, session: WebSession, props: Omit<RetirePageProps, 'claims'>, status = 200): Promise<void> {
    this.pages.send(reply, RetirePage({ ...props, claims: await this.claimsToBack(session) }), status);
  }

  /** The claims the organisation may back now: those ListClaimsQuery shows a provider (and an applicant, its own), still taking retirements. */
  private async claimsToBack(session: WebSession): Promise<ClaimSummary[]> {
    const { items } = await this.claims.execute({ actor: session.actor, limit: CLAIMS_OFFERED });
    return items.filter((claim) => CLAIM_ACCEPTS_RETIREMENTS.includes(claim.status));
  }
}
