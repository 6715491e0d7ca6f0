import { Injectable } from '@nestjs/common';
import { mergeLookalikeSegments, segmentRange, type ParsedSerial, type SchemeCode } from '@registry/domain';
import { hasRole, type Actor } from '../actor';
import { UnitOfWork, type Stores } from '../ports';
import { blockRange } from '../serials/block-view';
import { parseRequestSerial } from '../serials/request-serials';

export interface StatusSegment {
  start: string;
  end: string;
  status: 'retired' | 'held' | 'unknown';
  retirementId?: string;
  certificateNumber?: string;
  claimId?: string;
  retiredOn?: string;
  beneficiary?: string;
  holderId?: string;
}

/** What a viewer sees of a segment besides its bounds. */
type SegmentFields = Omit<StatusSegment, 'start' | 'end'>;

export interface SerialStatus {
  serial: string;
  scheme: string;
  namespace: string;
  start: string;
  end: string;
  segments: StatusSegment[];
}

/**
 * Segments that cover the asked range exactly, one per run of serials that look alike to the viewer.
 * Holders are shown to auditors and to the holder.
 */
@Injectable()
export class SerialStatusQuery {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(serial: string, viewer: Actor | undefined, scheme?: SchemeCode): Promise<SerialStatus> {
    const parsed = parseRequestSerial(serial, 'serial', scheme);
    return this.uow.read((stores) => statusOf(stores, parsed, viewer));
  }
}

export async function statusOf(stores: Stores, parsed: ParsedSerial, viewer: Actor | undefined): Promise<SerialStatus> {
  const blocks = await stores.blocks.liveOverlapping(parsed.namespace, parsed.range.start, parsed.range.end);
  const segments = segmentRange(parsed.range, blocks.map((b) => ({ ...b, range: blockRange(b) })));
  const retirementIds = [...new Set(segments.map((s) => s.block?.retirementId).filter((id): id is string => !!id))];
  const retirements = new Map((await stores.retirements.findByIds(retirementIds)).map((r) => [r.id, r]));
  const seesHolders = hasRole(viewer, 'auditor');
  const seen = (block: (typeof segments)[number]['block']): SegmentFields => {
    if (!block) return { status: 'unknown' };
    if (block.status === 'held') {
      const mayKnow = seesHolders || (viewer?.kind === 'organization' && viewer.organizationId === block.ownerId);
      return { status: 'held', ...(mayKnow && block.ownerId ? { holderId: block.ownerId } : {}) };
    }
    const retirement = retirements.get(block.retirementId!)!;
    return {
      status: 'retired',
      retirementId: retirement.id,
      certificateNumber: retirement.certificateNumber,
      ...(retirement.claimId ? { claimId: retirement.claimId } : {}),
      retiredOn: retirement.retiredOn,
      beneficiary: retirement.beneficiary,
    };
  };
  // Merged after redaction, so that neighbours this viewer cannot tell apart are one segment to it.
  const visible = mergeLookalikeSegments(segments.map(({ range, block }) => ({ range, ...seen(block) })));
  return {
    serial: parsed.canonical,
    scheme: parsed.scheme,
    namespace: parsed.namespace,
    start: String(parsed.range.start),
    end: String(parsed.range.end),
    segments: visible.map(({ range, ...fields }) => ({ start: String(range.start), end: String(range.end), ...fields })),
  };
}
