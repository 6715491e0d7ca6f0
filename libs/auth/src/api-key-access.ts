import { DomainError } from '@registry/domain';
import type { Actor } from '@registry/ledger/actor';

/**
 * The admin manages every organisation's keys; an organisation only its own. Another
 * organisation's keys answer NOT_FOUND, so a key id or organisation id reveals nothing.
 */
export function assertMayManageKeysOf(actor: Actor, organizationId: string, what: string): void {
  if (actor.kind === 'admin' || actor.organizationId === organizationId) return;
  throw new DomainError('NOT_FOUND', `${what} does not exist`);
}
