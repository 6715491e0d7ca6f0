/** The authenticated caller; the ledger calls it the actor. */
export type { Actor as Principal } from '@registry/ledger/actor';
