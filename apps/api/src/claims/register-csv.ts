import type { RegisterEntry } from '@registry/ledger';
import { toCsv } from '../http/csv';

const COLUMNS = [
  'certificationNumber', 'type', 'status', 'holderName', 'holderCorporateNumber', 'certifiedOn', 'validFrom', 'validTo',
  'requiredTonnes', 'retiredTonnes', 'serial', 'scheme', 'schemeName', 'quantity', 'project', 'projectType', 'retiredOn',
  'retirementStatus', 'retirementMethod', 'certificateNumber', 'disclosure',
];

/** One row per credit (a claim without credits still gets a row). */
export function registerCsv(entries: readonly RegisterEntry[]): string {
  const rows = entries.flatMap((e) => {
    const claim = {
      certificationNumber: e.certificationNumber, type: e.type, status: e.status, holderName: e.holder.name,
      holderCorporateNumber: e.holder.corporateNumber ?? '', certifiedOn: e.certifiedOn ?? '', validFrom: e.validFrom ?? '',
      validTo: e.validTo ?? '', requiredTonnes: e.requiredTonnes, retiredTonnes: e.retiredTonnes, disclosure: JSON.stringify(e.disclosure),
    };
    return e.credits.length === 0 ? [claim] : e.credits.map((c) => ({ ...claim, ...c }));
  });
  return toCsv(rows, COLUMNS);
}
