import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { DomainError, type SanctionGround } from '@registry/domain';
import { CertifierReviewQuery, ChangeClaimStatusUseCase, RecommendCorrectionUseCase, REVIEW_STATES, type CertifierAction, type ClaimView, type ReviewState } from '@registry/ledger';
import type { FastifyReply } from 'fastify';
import { OnlyQueryParameters } from '../../http/query-parameters';
import { decisionCommand, decisionInput, decisionOfPath, decisionRefusal } from '../forms/certifier-decision';
import { CurrentPage, pageHref, type PageContext } from '../http/page-context';
import { PageResponder } from '../http/page-responder';
import { WebPages } from '../http/web-pages.decorator';
import { CurrentSession, SignedIn, type WebSession } from '../session/web-session';
import { ReviewClaimPage } from '../views/review-claim';
import { ReviewQueuePage } from '../views/review-queue';

const PAGE_SIZE = 50;

/**
 * A certification body's review: its queue and each assigned claim with one form per decision its
 * state allows. Decisions go through the same use cases as POST /v1/claims/{id}/certify, /suspend,
 * /reinstate, /revoke, /accept-withdrawal, /reject-withdrawal and /recommend-correction, with the
 * person as the actor; a claim assigned to another body is a 404 here, whatever its id.
 */
@WebPages()
@SignedIn('certifier')
@Controller('review')
export class CertifierPagesController {
  constructor(
    private readonly review: CertifierReviewQuery,
    private readonly changeStatus: ChangeClaimStatusUseCase,
    private readonly recommendCorrection: RecommendCorrectionUseCase,
    private readonly pages: PageResponder,
  ) {}

  @Get()
  @OnlyQueryParameters('status', 'cursor', 'lang')
  async queue(
    @CurrentPage() page: PageContext,
    @CurrentSession() session: WebSession,
    @Query('status') status: string | undefined,
    @Query('cursor') cursor: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const state = reviewState(status);
    const queue = await this.review.queue({ actor: session.actor, status: state, cursor, limit: PAGE_SIZE });
    const next = queue.nextCursor ? pageHref(page, '/review', { status: state, cursor: queue.nextCursor }) : undefined;
    const first = cursor ? pageHref(page, '/review', { status: state }) : undefined;
    this.pages.send(reply, ReviewQueuePage({ page, queue, first, next }));
  }

  @Get(':claimId')
  @OnlyQueryParameters('lang')
  async claim(@CurrentPage() page: PageContext, @CurrentSession() session: WebSession, @Param('claimId') claimId: string, @Res() reply: FastifyReply): Promise<void> {
    this.pages.send(reply, ReviewClaimPage({ page, reviewed: await this.review.claim(session.actor, claimId) }));
  }

  /**
   * One decision: 303 back to the claim, which shows its new state and the history entry. A refused
   * form (a field, a rule, a state the claim is no longer in) shows the page again with that form's
   * messages and what was typed: 422, or 409 for the state.
   */
  @Post(':claimId/:decision')
  @HttpCode(200)
  @OnlyQueryParameters('lang')
  async decide(
    @CurrentPage() page: PageContext,
    @CurrentSession() session: WebSession,
    @Param('claimId') claimId: string,
    @Param('decision') path: string,
    @Body() body: unknown,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const action = decisionOfPath(path);
    if (!action) throw new DomainError('NOT_FOUND', `no decision ${path}`);
    // Another body's claim is not found before anything about the form is said.
    await this.review.claim(session.actor, claimId);
    const input = decisionInput(action, body);
    try {
      await this.decideWith(session, claimId, action, await decisionCommand(action, input));
    } catch (error) {
      const refusal = decisionRefusal(error);
      if (!refusal) throw error;
      const reviewed = await this.review.claim(session.actor, claimId);
      return this.pages.send(reply, ReviewClaimPage({ page, reviewed, refused: { action, input, refusal } }), refusal.status);
    }
    reply.header('Cache-Control', 'no-store').redirect(pageHref(page, `/review/${encodeURIComponent(claimId)}`), 303);
  }

  private decideWith(session: WebSession, claimId: string, action: CertifierAction, command: Record<string, unknown>): Promise<ClaimView> {
    const actor = session.actor;
    if (action === 'recommend_correction') return this.recommendCorrection.execute({ actor, claimId, reason: command.reason as string, dueOn: command.dueOn as string });
    return this.changeStatus.execute({
      actor,
      claimId,
      action,
      reason: command.reason as string | undefined,
      ground: command.ground as SanctionGround | undefined,
      validFrom: command.validFrom as string | undefined,
      validTo: command.validTo as string | undefined,
      allowAdditionalPlan: command.allowAdditionalPlan as boolean | undefined,
    });
  }
}

function reviewState(status: string | undefined): ReviewState {
  if (status === undefined || status === '') return 'submitted';
  if ((REVIEW_STATES as readonly string[]).includes(status)) return status as ReviewState;
  throw new DomainError('VALIDATION_FAILED', `status must be one of ${REVIEW_STATES.join(', ')}`, { errors: [{ field: 'status', message: 'is not a state of the queue' }] });
}
