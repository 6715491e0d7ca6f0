import { Injectable } from '@nestjs/common';
import { DomainError } from '@registry/domain';
import { JobQueue } from '@registry/jobs';
import { actorLabel, type Actor } from '../actor';
import { enqueueCertificatePdf } from '../certificates/certificate-pdf-job';
import { issueCertificateVersion } from '../certificates/issue-certificate';
import { runLedgerCommand } from '../ledger-command';
import { CertificateSigner, UnitOfWork, type Evidence } from '../ports';
import { retirementView, type RetirementView } from './retirement-view';

export interface RecordEvidenceCommand {
  actor: Extract<Actor, { kind: 'organization' }>;
  retirementId: string;
  evidence: Evidence;
}

/**
 * Completes a retirement recorded with its official reference pending (API.md "Retirements"):
 * once, by the retirement's organisation. The certificate keeps its number and gains a new signed
 * version showing the reference; the earlier one stays verifiable.
 */
@Injectable()
export class RecordRetirementEvidenceUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly signer: CertificateSigner,
    private readonly queue: JobQueue,
  ) {}

  async execute(command: RecordEvidenceCommand): Promise<RetirementView> {
    const actor = actorLabel(command.actor);
    let version = 1;
    const { result } = await runLedgerCommand(this.uow, actor, undefined, async ({ stores, seq, now }) => {
      const retirement = await stores.retirements.findById(command.retirementId);
      if (!retirement) throw new DomainError('NOT_FOUND', `retirement ${command.retirementId} does not exist`);
      if (retirement.organizationId !== command.actor.organizationId) {
        throw new DomainError('FORBIDDEN', 'only the organisation that retired the credits records their official reference');
      }
      if (retirement.evidence) {
        throw new DomainError('EVIDENCE_ALREADY_RECORDED', `retirement ${retirement.id} already has its official reference`, {
          field: 'reference',
          evidence: retirement.evidence,
        });
      }
      const voided = await stores.retirements.findVoid(retirement.id);
      if (voided) throw new DomainError('INVALID_STATE', `retirement ${retirement.id} is voided`, { retirementStatus: 'voided' });
      await stores.retirements.insertEvidence({ retirementId: retirement.id, ...command.evidence, actor, createdSeq: seq, createdAt: now });
      const previous = await stores.certificates.findByNumber(retirement.certificateNumber);
      if (!previous) throw new Error(`retirement ${retirement.id} has no certificate`);
      const certificate = await issueCertificateVersion(
        stores,
        this.signer,
        previous,
        { evidence: command.evidence, officialReference: 'recorded', evidenceRecordedAt: now },
        { seq, now },
      );
      version = certificate.version;
      const view = retirementView({ ...retirement, evidence: command.evidence, evidenceRecordedAt: now });
      return {
        journalType: 'retirement.evidence_recorded',
        journalPayload: { retirementId: retirement.id, evidence: command.evidence, certificateNumber: certificate.number, certificateVersion: certificate.version },
        result: view,
      };
    });
    void enqueueCertificatePdf(this.queue, result.certificateNumber, 'valid', version);
    return result;
  }
}
