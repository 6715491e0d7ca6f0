import { formatSerial, SerialRange, type ParsedSerial } from '@registry/domain';
import type { BlockRecord } from '../ports';

/** The canonical serial of a block or of a part of it: same attributes, other range. */
export function blockSerial(block: BlockRecord, range = new SerialRange(block.start, block.end)): string {
  const parsed: ParsedSerial = { scheme: block.scheme, namespace: block.namespace, range, attributes: block.attributes, canonical: '' };
  return formatSerial(parsed);
}

export function blockRange(block: BlockRecord): SerialRange {
  return new SerialRange(block.start, block.end);
}

export interface HoldingView {
  id: string;
  scheme: string;
  namespace: string;
  serial: string;
  start: string;
  end: string;
  quantity: string;
  status: 'held';
  ownerId: string;
}

export function holdingView(block: BlockRecord): HoldingView {
  return {
    id: block.id,
    scheme: block.scheme,
    namespace: block.namespace,
    serial: blockSerial(block),
    start: String(block.start),
    end: String(block.end),
    quantity: String(block.end - block.start + 1n),
    status: 'held',
    ownerId: block.ownerId ?? '',
  };
}
