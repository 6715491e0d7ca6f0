import type { CoverageCredit } from '@registry/domain';
import type { RetirementRecord, Stores } from '../ports';
import { blockSerial } from '../serials/block-view';

export interface ClaimRetirement {
  retirement: RetirementRecord;
  voided: boolean;
  credits: CoverageCredit[];
}

/** The retirements made for a claim and, for standing ones, each retired block as a coverage credit. */
export async function claimRetirements(stores: Stores, claimId: string): Promise<ClaimRetirement[]> {
  const retirements = await stores.retirements.findByClaim(claimId);
  const voided = new Set((await stores.retirements.findVoids(retirements.map((r) => r.id))).map((v) => v.retirementId));
  const result: ClaimRetirement[] = [];
  for (const retirement of retirements) {
    const blocks = voided.has(retirement.id) ? [] : await stores.blocks.liveOfRetirement(retirement.id);
    const credits = blocks.map(
      (block): CoverageCredit => ({
        scheme: block.scheme,
        attributes: block.attributes,
        retiredOn: retirement.retiredOn,
        quantity: block.end - block.start + 1n,
        label: blockSerial(block),
        ...(retirement.creditFacts ?? {}),
      }),
    );
    result.push({ retirement, voided: voided.has(retirement.id), credits });
  }
  return result;
}
