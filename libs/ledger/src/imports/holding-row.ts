import { DomainError, displayTextProblem, isSchemeCode, parseSerial, type ParsedSerial } from '@registry/domain';
import type { Evidence } from '../ports';
import type { HoldingRowInput } from './holdings-format';

/** A row that reads as a holding, still to be compared with the ledger. */
export interface HoldingCandidate {
  parsed: ParsedSerial;
  /** The row named a scheme (a contradiction with the scheme on record is then a conflict). */
  labelled: boolean;
  evidence: Evidence;
}

export interface RowProblem {
  code: string;
  /** Names the field that failed, as `field: why`. */
  message: string;
}

const EVIDENCE_MAX = 200;

/** Reads one statement row as the ledger's rules for a holding would (API.md "Holdings"), without the database. */
export function readHoldingRow(row: HoldingRowInput, maxBlockQuantity: bigint): HoldingCandidate | RowProblem {
  const scheme = row.scheme.trim();
  if (scheme !== '' && !isSchemeCode(scheme)) return { code: 'UNKNOWN_SCHEME', message: `scheme: ${JSON.stringify(scheme)} is not a scheme code` };
  let parsed: ParsedSerial;
  try {
    parsed = parseSerial(row.serial, scheme === '' ? undefined : scheme);
  } catch (error) {
    // The grammar names the field at fault: `serial` (or a part of it) or `scheme`.
    if (error instanceof DomainError) return { code: error.code, message: `${String(error.details.field ?? 'serial')}: ${error.message}` };
    throw error;
  }
  if (parsed.range.quantity > maxBlockQuantity) {
    return { code: 'VALIDATION_FAILED', message: `serial: a block of ${parsed.range.quantity} units is more than MAX_BLOCK_QUANTITY (${maxBlockQuantity})` };
  }
  const registry = row.registry.trim();
  const reference = row.reference.trim();
  for (const [field, value] of [['registry', registry], ['reference', reference]] as const) {
    if (value === '') return { code: 'EVIDENCE_REQUIRED', message: `${field}: a holding needs the managing registry and the account statement or transfer notice it is held under` };
    const problem = displayTextProblem(value);
    if (problem) return { code: 'VALIDATION_FAILED', message: `${field}: ${problem}` };
    if (value.length > EVIDENCE_MAX) return { code: 'VALIDATION_FAILED', message: `${field}: at most ${EVIDENCE_MAX} characters` };
  }
  return { parsed, labelled: scheme !== '', evidence: { registry, reference } };
}

export function isRowProblem(value: HoldingCandidate | RowProblem): value is RowProblem {
  return 'code' in value;
}
