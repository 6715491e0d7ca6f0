export type SegmentStatus = 'retired' | 'held' | 'unknown';

export interface SerialSegmentView {
  start: string;
  end: string;
  status: SegmentStatus;
  retirementId?: string;
  certificateNumber?: string;
  claimId?: string;
  retiredOn?: string;
  beneficiary?: string;
}

/** `GET /v1/serials/status` plus the asked serial and its scheme, for the public serial page. */
export interface SerialStatusView {
  serial: string;
  scheme: string;
  namespace: string;
  start: string;
  end: string;
  /** Cover [start, end] exactly, in order; or, when paged, [this page's start, its last segment's end]. */
  segments: SerialSegmentView[];
  /** Set when more segments follow this page. */
  nextCursor?: string;
}
