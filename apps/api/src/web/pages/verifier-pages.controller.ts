import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { DomainError } from '@registry/domain';
import { RecordVerificationUseCase } from '@registry/ledger';
import type { FastifyReply } from 'fastify';
import { RecordVerificationDto } from '../../claims/verification.dto';
import { OnlyQueryParameters } from '../../http/query-parameters';
import { validateBody } from '../../http/validation.pipe';
import { verificationBody, verificationFormValues } from '../forms/claim-form';
import { refusalOrThrow } from '../forms/form-refusal';
import { CurrentPage, pageHref, type PageContext } from '../http/page-context';
import { PageResponder } from '../http/page-responder';
import { WebPages } from '../http/web-pages.decorator';
import { CurrentSession, SignedIn, type WebSession } from '../session/web-session';
import { VerificationFormPage, VerificationsPage } from '../views/verifications';

/** Claim ids are UUIDs (v7): anything else names no claim. */
const CLAIM_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A verification body records its report on a claim (POST /v1/claims/{id}/verification, the same
 * DTO and use case). The API lets a verifier neither list nor read claims: the applicant gives it the
 * claim's id, which the first page opens.
 */
@WebPages()
@SignedIn('verifier')
@Controller('verifications')
export class VerifierPagesController {
  constructor(
    private readonly recordVerification: RecordVerificationUseCase,
    private readonly pages: PageResponder,
  ) {}

  /** The form asking for the claim id; with `?claim=`, on to that claim's verification form. */
  @Get()
  @OnlyQueryParameters('claim', 'lang')
  open(@CurrentPage() page: PageContext, @Query('claim') claim: string | undefined, @Res() reply: FastifyReply): void {
    if (claim === undefined) return this.pages.send(reply, VerificationsPage({ page }));
    const id = claim.trim();
    if (!CLAIM_ID.test(id)) return this.pages.send(reply, VerificationsPage({ page, claimId: claim, error: page.t.verifications.claimIdInvalid }), 400);
    reply.redirect(pageHref(page, `/verifications/${id.toLowerCase()}`), 303);
  }

  @Get(':claimId')
  @OnlyQueryParameters('done', 'lang')
  form(@CurrentPage() page: PageContext, @Param('claimId') claimId: string, @Query('done') done: string | undefined, @Res() reply: FastifyReply): void {
    this.pages.send(reply, VerificationFormPage({ page, claimId: claimIdOf(claimId), recorded: done === 'recorded' }));
  }

  @Post(':claimId')
  @HttpCode(200)
  @OnlyQueryParameters('lang')
  async record(@CurrentPage() page: PageContext, @CurrentSession() session: WebSession, @Param('claimId') claimId: string, @Body() body: unknown, @Res() reply: FastifyReply): Promise<void> {
    const id = claimIdOf(claimId);
    const values = verificationFormValues(body);
    try {
      const dto = await validateBody(RecordVerificationDto, verificationBody(values));
      await this.recordVerification.execute({ actor: session.actor, claimId: id, ...dto });
      reply.header('Cache-Control', 'no-store').redirect(pageHref(page, `/verifications/${id}`, { done: 'recorded' }), 303);
    } catch (error) {
      const refusal = refusalOrThrow(error);
      this.pages.send(reply, VerificationFormPage({ page, claimId: id, values, refusal }), refusal.status);
    }
  }
}

function claimIdOf(value: string): string {
  if (!CLAIM_ID.test(value)) throw new DomainError('NOT_FOUND', `claim ${value} does not exist`, { field: 'claimId' });
  return value;
}
