import { Injectable } from '@nestjs/common';
import type { ClaimCertificateBody, ClaimDraft } from '@registry/domain';
import { JobQueue } from '@registry/jobs';
import { claimView } from '../claims/claim-view';
import { CertificateSigner, type ClaimRecord, type ClaimCertificateRecord, type CertificateStatus, type Stores } from '../ports';
import { CertificateQueries } from './certificate.queries';
import { enqueueCertificatePdf } from './certificate-pdf-job';

/**
 * The claim's own certificate (issue 16). `issue` runs inside the certification's transaction, so a
 * certified claim always has its signed certificate; `afterCommit` asks for the PDF of the status
 * the claim now gives it (after certification and after every later step of the claim).
 */
@Injectable()
export class ClaimCertificates {
  constructor(
    private readonly signer: CertificateSigner,
    private readonly queue: JobQueue,
    private readonly certificates: CertificateQueries,
  ) {}

  async issue(stores: Stores, claim: ClaimRecord, at: { seq: number; now: string }): Promise<ClaimCertificateRecord> {
    if (!claim.certificationNumber || !claim.certifiedOn) throw new Error(`claim ${claim.id} is not certified`);
    const view = await claimView(stores, claim);
    const applicant = await stores.organizations.findById(claim.applicantId);
    const certifier = claim.certifierId ? await stores.organizations.findById(claim.certifierId) : null;
    const body: ClaimCertificateBody = {
      kind: 'claim',
      number: claim.certificationNumber,
      version: 1,
      issuedAt: at.now,
      claimId: claim.id,
      type: claim.type,
      applicant: { id: claim.applicantId, name: applicant?.name ?? '', corporateNumber: applicant?.corporateNumber ?? null },
      certifier: certifier ? { id: certifier.id, name: certifier.name } : null,
      ...subjectOf(claim.draft),
      certifiedOn: claim.certifiedOn,
      validFrom: claim.validFrom,
      validTo: claim.validTo,
      requiredTonnes: view.requiredTonnes,
      retiredTonnes: view.retiredTonnes,
      retirementCertificates: view.retirements.filter((r) => r.status === 'active').map((r) => r.certificateNumber),
    };
    const record: ClaimCertificateRecord = {
      number: body.number,
      claimId: claim.id,
      body,
      proof: this.signer.sign(body),
      issuedAt: at.now,
      createdSeq: at.seq,
    };
    await stores.certificates.insertClaimCertificate(record);
    return record;
  }

  /** Never fails the caller (the claim step is committed); what is missed the sweep or the PDF request finds. */
  async afterCommit(claim: { certificationNumber: string | null }): Promise<void> {
    if (!claim.certificationNumber) return;
    try {
      const document = await this.certificates.find(claim.certificationNumber);
      if (document) await enqueueCertificatePdf(this.queue, claim.certificationNumber, document.status as CertificateStatus);
    } catch {
      // The read failed after the commit: the repair sweep renders the PDF later.
    }
  }
}

/** What the claim is about: the boundary and periods (CN, CN plans) or the product (CFP). */
function subjectOf(draft: ClaimDraft): Partial<ClaimCertificateBody> {
  if (draft.type === 'CFP') return { product: { name: draft.product?.name ?? '', cfpVerificationNumber: draft.product?.cfpVerificationNumber ?? '' }, period: draft.period };
  if (draft.type === 'CN_PLAN') return { boundary: draft.boundary, targetPeriod: draft.targetPeriod, planPeriod: draft.planPeriod };
  return { boundary: draft.boundary, targetPeriod: draft.targetPeriod };
}
