/** The events an organisation can subscribe to (API.md "Webhooks"), and the ping it can ask for. */
export const WEBHOOK_EVENT_TYPES = [
  'retirement.created',
  'claim.submitted',
  'claim.certified',
  'claim.suspended',
  'claim.reinstated',
  'claim.revoked',
  'claim.withdrawn',
  'provider.authorized',
  'import.finished',
  'reconciliation.alert',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];
export const WEBHOOK_PING_EVENT = 'webhook.ping';

/** Who hears of an entry: organisation ids read from the journal payload, directly or through the claim it names. */
export type WebhookRecipientRule =
  | { organizationIdAt: string }
  | { claimApplicantOf: string }
  | { claimCertifierOf: string };

export interface WebhookEventMapping {
  event: WebhookEventType;
  recipients: readonly WebhookRecipientRule[];
  /** Payload members that are bookkeeping, not news for the receiver. */
  omit?: readonly string[];
  /** Only entries whose payload has this member as a number above zero are news (e.g. `alertCount`). */
  onlyIfPositive?: string;
}

const claimEvent = (event: WebhookEventType): WebhookEventMapping => ({
  event,
  recipients: [{ claimApplicantOf: 'claimId' }, { claimCertifierOf: 'claimId' }],
});

/**
 * Journal entry type → webhook event. Events are derived from the hash-chained journal (every
 * state change writes one entry), so no use case has to remember to notify, and a crash between
 * commit and delivery loses nothing: the dispatcher reads on from the last sequence it handled.
 *
 * `import.finished` and `reconciliation.alert` entries are written by the import and
 * reconciliation use cases; their payload must carry `organizationId` (the organisation that
 * imported, or whose holdings the alert is about). Entry types not listed here notify no one.
 */
export const WEBHOOK_EVENT_MAPPINGS: Readonly<Record<string, WebhookEventMapping>> = {
  'retirement.created': {
    event: 'retirement.created',
    // By the organisation that retired; for a claim, its applicant too; `beneficiaryOrganizationId` when a retirement names one.
    recipients: [{ organizationIdAt: 'organizationId' }, { organizationIdAt: 'beneficiaryOrganizationId' }, { claimApplicantOf: 'claimId' }],
    omit: ['closedBlocks', 'createdBlocks'],
  },
  'claim.submit': claimEvent('claim.submitted'),
  'claim.certify': claimEvent('claim.certified'),
  'claim.suspend': claimEvent('claim.suspended'),
  'claim.reinstate': claimEvent('claim.reinstated'),
  'claim.revoke': claimEvent('claim.revoked'),
  'claim.withdraw': claimEvent('claim.withdrawn'),
  'claim.provider_authorized': {
    event: 'provider.authorized',
    recipients: [{ organizationIdAt: 'providerId' }, { claimApplicantOf: 'claimId' }],
  },
  'import.finished': { event: 'import.finished', recipients: [{ organizationIdAt: 'organizationId' }] },
  'reconciliation.alert': { event: 'reconciliation.alert', recipients: [{ organizationIdAt: 'organizationId' }] },
  // A finished reconciliation that raised alerts tells the organisation that asked for it.
  'reconciliation.completed': { event: 'reconciliation.alert', recipients: [{ organizationIdAt: 'organizationId' }], onlyIfPositive: 'alertCount' },
};

export function webhookMappingFor(journalType: string): WebhookEventMapping | undefined {
  return Object.prototype.hasOwnProperty.call(WEBHOOK_EVENT_MAPPINGS, journalType) ? WEBHOOK_EVENT_MAPPINGS[journalType] : undefined;
}

/** The `data` of the delivered event: the journal payload without bookkeeping members. */
export function webhookEventData(mapping: WebhookEventMapping, payload: Record<string, unknown>): Record<string, unknown> {
  const omit = new Set(mapping.omit ?? []);
  return Object.fromEntries(Object.entries(payload).filter(([key]) => !omit.has(key)));
}

/** A string member of the payload, or undefined (a missing or malformed field names no one). */
export function payloadString(payload: Record<string, unknown>, field: string): string | undefined {
  const value = payload[field];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

export function isWebhookEventType(value: string): value is WebhookEventType {
  return (WEBHOOK_EVENT_TYPES as readonly string[]).includes(value);
}
