import { Injectable } from '@nestjs/common';
import { UnitOfWork, type Evidence } from '../ports';
import { claimRetirements } from './claim-credits';
import { registerEntry, type RegisterEntry } from './register.query';

/** A retirement behind a certified claim, as its public retirement certificate shows it. */
export interface RegisterRetirement {
  certificateNumber: string;
  retiredOn: string;
  beneficiary: string;
  purpose: string;
  quantity: string;
  serials: string[];
  status: 'retired' | 'voided';
  /** The managing registry's record; null while it is pending. */
  evidence: Evidence | null;
}

export interface RegisterClaim {
  entry: RegisterEntry;
  retirements: RegisterRetirement[];
}

/** One claim of the public register, found by a certificate number it was certified under, with the retirements behind it. */
@Injectable()
export class RegisterClaimQuery {
  constructor(private readonly uow: UnitOfWork) {}

  execute(command: { certificationNumber: string }): Promise<RegisterClaim | null> {
    return this.uow.read(async (stores) => {
      const certificate = await stores.certificates.findClaimCertificate(command.certificationNumber);
      const claim = certificate ? await stores.claims.findById(certificate.claimId) : null;
      if (!claim?.certificationNumber) return null;
      const retirements = (await claimRetirements(stores, claim.id)).map(
        ({ retirement, voided }): RegisterRetirement => ({
          certificateNumber: retirement.certificateNumber,
          retiredOn: retirement.retiredOn,
          beneficiary: retirement.beneficiary,
          purpose: retirement.purpose,
          quantity: String(retirement.quantity),
          serials: retirement.serials,
          status: voided ? 'voided' : 'retired',
          evidence: retirement.evidence,
        }),
      );
      return { entry: await registerEntry(stores, claim), retirements };
    });
  }
}
