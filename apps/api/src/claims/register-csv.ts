import type { RegisterEntry } from '@registry/ledger';
import { stringify } from 'csv-stringify/sync';

const COLUMNS = [
  'certificationNumber', 'type', 'status', 'holderName', 'holderCorporateNumber', 'certifiedOn', 'validFrom', 'validTo',
  'requiredTonnes', 'retiredTonnes', 'serial', 'scheme', 'schemeName', 'quantity', 'project', 'projectType', 'retiredOn',
  'retirementStatus', 'retirementMethod', 'certificateNumber', 'disclosure',
];

/** One row per credit (a claim without credits still gets a row); with a BOM so spreadsheet tools read the Japanese. */
export function registerCsv(entries: readonly RegisterEntry[]): string {
  const rows = entries.flatMap((e) => {
    const claim = {
      certificationNumber: e.certificationNumber, type: e.type, status: e.status, holderName: e.holder.name,
      holderCorporateNumber: e.holder.corporateNumber ?? '', certifiedOn: e.certifiedOn ?? '', validFrom: e.validFrom ?? '',
      validTo: e.validTo ?? '', requiredTonnes: e.requiredTonnes, retiredTonnes: e.retiredTonnes, disclosure: JSON.stringify(e.disclosure),
    };
    return e.credits.length === 0 ? [claim] : e.credits.map((c) => ({ ...claim, ...c }));
  });
  return '\ufeff' + stringify(rows, { header: true, columns: COLUMNS });
}
