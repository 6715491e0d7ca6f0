import { WEBHOOK_EVENT_MAPPINGS, WEBHOOK_EVENT_TYPES, webhookEventData, webhookMappingFor } from './webhook-events';

describe('webhook events derived from journal entry types', () => {
  it('maps some journal entry type to every event an organisation can subscribe to', () => {
    const produced = new Set(Object.values(WEBHOOK_EVENT_MAPPINGS).map((m) => m.event));
    expect([...WEBHOOK_EVENT_TYPES].filter((event) => !produced.has(event))).toEqual([]);
  });

  it('maps the claim lifecycle journal types (claim.<action>) to past-tense events', () => {
    expect(webhookMappingFor('claim.certify')?.event).toBe('claim.certified');
    expect(webhookMappingFor('claim.withdraw')?.event).toBe('claim.withdrawn');
    expect(webhookMappingFor('claim.provider_authorized')?.event).toBe('provider.authorized');
  });

  it('notifies no one of entry types it does not list, nor of inherited object keys', () => {
    expect(webhookMappingFor('holding.registered')).toBeUndefined();
    expect(webhookMappingFor('toString')).toBeUndefined();
    expect(webhookMappingFor('__proto__')).toBeUndefined();
  });

  it('leaves bookkeeping members out of the event data', () => {
    const mapping = webhookMappingFor('retirement.created')!;
    expect(webhookEventData(mapping, { id: 'r1', closedBlocks: ['b'], createdBlocks: [] })).toEqual({ id: 'r1' });
  });
});
