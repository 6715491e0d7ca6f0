import { DomainError, type ParsedSerial } from '@registry/domain';
import type { BlockRecord, Stores } from '../ports';

/** A serial read from a request, with the scheme the ledger has on record for it. */
export interface SerialOnRecord {
  readonly serial: ParsedSerial;
  /** The caller named a scheme other than the one on record (409 once 400 and 422 are ruled out). */
  readonly contradicted: boolean;
}

/**
 * One credit, one identity (API.md): a printed serial is the credit, and where its print could
 * belong to two schemes the first record decides. Eligibility and everything written use the scheme
 * on record; a label that says otherwise is a conflict, never a second credit.
 */
export async function onRecord(stores: Stores, serial: ParsedSerial, labelled: boolean): Promise<SerialOnRecord> {
  const recorded = await stores.blocks.schemeOnRecord(serial.namespace);
  if (recorded === null || recorded === serial.scheme) return { serial, contradicted: false };
  return { serial: { ...serial, scheme: recorded }, contradicted: labelled };
}

/** onRecord for every serial of a request, with one read of the schemes on record. */
export async function onRecordAll(stores: Stores, serials: readonly ParsedSerial[], labelled: boolean): Promise<SerialOnRecord[]> {
  const recorded = await stores.blocks.schemesOnRecord(serials.map((s) => s.namespace));
  return serials.map((serial) => {
    const scheme = recorded.get(serial.namespace);
    if (scheme === undefined || scheme === serial.scheme) return { serial, contradicted: false };
    return { serial: { ...serial, scheme }, contradicted: labelled };
  });
}

/** `contradicted`: serials (with the scheme on record) that the request's `label` names otherwise. */
export function labelConflict(contradicted: readonly ParsedSerial[], label: string): DomainError {
  const first = contradicted[0]!;
  return new DomainError(
    'SERIAL_CONFLICT',
    `${first.canonical} is on record as ${first.scheme}; scheme ${label} cannot make it another credit`,
    {
      conflicts: contradicted.map((serial) => ({
        namespace: serial.namespace,
        start: String(serial.range.start),
        end: String(serial.range.end),
        scheme: serial.scheme,
      })),
    },
  );
}

/** Blocks the serial-identity migration found recorded twice stay frozen until an administrator voids one. */
export function refuseUnresolvedDuplicates(blocks: readonly BlockRecord[]): void {
  const marked = blocks.filter((b) => b.identityDuplicate);
  if (marked.length === 0) return;
  throw new DomainError(
    'SERIAL_CONFLICT',
    `the ledger holds ${marked.length} record(s) of these serials twice; an administrator must void one first (ledger duplicates)`,
    { conflicts: marked.map((b) => ({ namespace: b.namespace, start: String(b.start), end: String(b.end), status: b.status, blockId: b.id })) },
  );
}

/**
 * Serials the serial-identity migration found recorded twice: retired (by either record) answers
 * ALREADY_RETIRED, held twice waits for an administrator. Both before segmenting, which needs
 * disjoint blocks.
 */
export function refuseDoubleRecorded(asked: ParsedSerial, blocks: readonly BlockRecord[]): void {
  if (!blocks.some((b) => b.identityDuplicate)) return;
  const retired = blocks.filter((b) => b.status === 'retired');
  if (retired.length > 0) {
    throw new DomainError('ALREADY_RETIRED', `${asked.canonical} is already retired`, {
      conflicts: retired.map((b) => ({ namespace: b.namespace, start: String(b.start), end: String(b.end), retirementId: b.retirementId })),
    });
  }
  refuseUnresolvedDuplicates(blocks);
}

/** MAX_BLOCK_QUANTITY: no one can register or retire-outside a whole namespace and squat on it. */
export function refuseOverQuantity(serial: ParsedSerial, field: string, limit: bigint): void {
  if (serial.range.quantity <= limit) return;
  throw new DomainError('VALIDATION_FAILED', `${field}: a block of ${serial.range.quantity} units is more than MAX_BLOCK_QUANTITY (${limit})`, {
    errors: [{ field, message: `at most ${limit} units in one block` }],
  });
}
