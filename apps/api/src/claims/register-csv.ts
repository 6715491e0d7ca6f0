import type { RegisterEntry } from '@registry/ledger';
import { toCsv } from '../http/csv';

const COLUMNS = [
  'certificationNumber', 'type', 'status', 'holderName', 'holderCorporateNumber', 'certifiedOn', 'validFrom', 'validTo',
  'requiredTonnes', 'retiredTonnes', 'serial', 'scheme', 'schemeName', 'quantity', 'project', 'projectType', 'retiredOn',
  'retirementStatus', 'retirementMethod', 'certificateNumber', 'disclosure',
  // Tables 3 and 5, CFP art. 14; 2.3.3 ②; 2.3.6 ②.
  'projectName', 'projectRegion', 'projectTypeName', 'scope', 'emissionSources', 'baseYear', 'baseYearEmissions', 'periodEmissions',
  'emissionsVerified', 'verificationBody', 'verificationReport', 'pendingRenewalClaimId', 'labelsRemovedBy',
];

/** One row per credit (a claim without credits still gets a row). */
export function registerCsv(entries: readonly RegisterEntry[]): string {
  const rows = entries.flatMap((e) => {
    const claim = {
      certificationNumber: e.certificationNumber, type: e.type, status: e.status, holderName: e.holder.name,
      holderCorporateNumber: e.holder.corporateNumber ?? '', certifiedOn: e.certifiedOn ?? '', validFrom: e.validFrom ?? '',
      validTo: e.validTo ?? '', requiredTonnes: e.requiredTonnes, retiredTonnes: e.retiredTonnes, disclosure: JSON.stringify(e.disclosure),
      ...emissionColumns(e),
      verificationBody: e.verificationBody?.name ?? '', verificationReport: e.verificationBody?.reportReference ?? '',
      pendingRenewalClaimId: e.pendingRenewal?.claimId ?? '', labelsRemovedBy: e.labelsRemovedBy ?? '',
    };
    return e.credits.length === 0 ? [claim] : e.credits.map((c) => ({ ...claim, ...c }));
  });
  return toCsv(rows, COLUMNS);
}

function emissionColumns(e: RegisterEntry): Record<string, string> {
  const d = e.emissionsDisclosure;
  if (!d) return {};
  return {
    scope: d.scope.join(' '),
    emissionSources: d.emissionSources ?? '',
    baseYear: JSON.stringify(d.baseYear ?? ''),
    baseYearEmissions: d.baseYearEmissions ?? '',
    periodEmissions: JSON.stringify(d.periodEmissions),
    emissionsVerified: String(d.verified),
  };
}
