import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { DomainError } from '@registry/domain';
import { OwnRetirementQuery, RecordRetirementEvidenceUseCase } from '@registry/ledger';
import type { FastifyReply } from 'fastify';
import { organizationOf } from '../../http/current-principal';
import { OnlyQueryParameters } from '../../http/query-parameters';
import { validateBody } from '../../http/validation.pipe';
import { RecordEvidenceDto } from '../../ledger/retirement-evidence.dto';
import { CurrentPage, pageHref, type PageContext } from '../http/page-context';
import { PageResponder } from '../http/page-responder';
import { WebPages } from '../http/web-pages.decorator';
import { formField } from '../session/form-fields';
import { CurrentSession, SignedIn, type WebSession } from '../session/web-session';
import { RetirementPage, type EvidenceFormState } from '../views/retirement';

/**
 * One retirement of the person's organisation (another organisation's answers 404, as if it did not
 * exist), and the form that records its official reference through RecordRetirementEvidenceUseCase,
 * as POST /v1/retirements/{id}/evidence does.
 */
@WebPages()
@Controller()
@SignedIn('provider', 'applicant')
export class RetirementPagesController {
  constructor(
    private readonly ownRetirement: OwnRetirementQuery,
    private readonly recordEvidence: RecordRetirementEvidenceUseCase,
    private readonly pages: PageResponder,
  ) {}

  @Get('retirements/:id')
  @OnlyQueryParameters('lang')
  async retirement(@CurrentPage() page: PageContext, @CurrentSession() session: WebSession, @Param('id') id: string, @Res() reply: FastifyReply): Promise<void> {
    const own = await this.ownRetirement.execute({ actor: organizationOf(session.actor), retirementId: id });
    this.pages.send(reply, RetirementPage({ page, own }));
  }

  /** 303 back to the retirement once recorded; a refused form is shown again with its status (422, or 409 when already recorded). */
  @Post('retirements/:id/evidence')
  @HttpCode(200)
  @OnlyQueryParameters('lang')
  async evidence(@CurrentPage() page: PageContext, @CurrentSession() session: WebSession, @Param('id') id: string, @Body() body: unknown, @Res() reply: FastifyReply): Promise<void> {
    const actor = organizationOf(session.actor);
    const own = await this.ownRetirement.execute({ actor, retirementId: id });
    const typed = { registry: formField(body, 'registry')?.trim() ?? '', reference: formField(body, 'reference')?.trim() ?? '' };
    const p = page.t.retirementPage;
    try {
      const evidence = await validateBody(RecordEvidenceDto, typed);
      await this.recordEvidence.execute({ actor, retirementId: id, evidence: { registry: evidence.registry, reference: evidence.reference } });
      reply.redirect(pageHref(page, `/retirements/${encodeURIComponent(id)}`), 303);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const state: EvidenceFormState = { ...typed, errors: {} };
      let status = 422;
      if (error.code === 'VALIDATION_FAILED') {
        for (const e of (error.details.errors ?? []) as { field: string; message: string }[]) {
          if (e.field === 'registry' || e.field === 'reference') state.errors[e.field] = `${page.t.retire.errors.VALIDATION_FAILED} (${e.message})`;
        }
      } else if (error.code === 'EVIDENCE_ALREADY_RECORDED') {
        [status, state.errors.form] = [409, p.alreadyRecorded];
      } else if (error.code === 'INVALID_STATE') {
        [status, state.errors.form] = [409, p.voided];
      } else {
        throw error;
      }
      // Shown as it is now: a reference recorded by another request in between is on the page.
      const current = status === 409 ? await this.ownRetirement.execute({ actor, retirementId: id }) : own;
      this.pages.send(reply, RetirementPage({ page, own: current, evidenceForm: state }), status);
    }
  }
}
