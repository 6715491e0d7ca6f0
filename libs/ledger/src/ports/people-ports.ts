import type { FailureCounter, Role } from '@registry/domain';

export interface PersonRecord {
  id: string;
  organizationId: string;
  /** Normalised (PEOPLE-EMAIL-1); unique whatever its case. */
  email: string;
  /** An Argon2id PHC string; never the password. */
  passwordHash: string;
  roles: Role[];
  createdAt: string;
  disabledAt: string | null;
  /** PEOPLE-LOCK-1's counter for this account. */
  signInFailures: FailureCounter;
  /** Sessions begun before this instant are refused (a reset also revokes them). */
  passwordChangedAt: string;
}

/** Stored under the SHA-256 of the cookie's token: the token itself is never stored. */
export interface SessionRecord {
  id: string;
  personId: string;
  createdAt: string;
  lastSeenAt: string;
  /** The absolute end (PEOPLE-SESSION-1); the idle end follows from lastSeenAt. */
  expiresAt: string;
  revokedAt: string | null;
}

export interface PersonStore {
  /** Throws VALIDATION_FAILED on the field email when another person has it. */
  insert(person: PersonRecord): Promise<void>;
  findById(id: string): Promise<PersonRecord | null>;
  findByEmail(email: string): Promise<PersonRecord | null>;
  /** People holding the admin role, oldest first. */
  listAdministrators(): Promise<PersonRecord[]>;
  /** The people of one organisation, oldest first. */
  listByOrganization(organizationId: string): Promise<PersonRecord[]>;
  saveSignInFailures(id: string, counter: FailureCounter): Promise<void>;
  /** Stores a new hash, marks the change instant and clears the failure counter and any lock. */
  setPassword(id: string, passwordHash: string, at: string): Promise<void>;
}

export interface SessionStore {
  insert(session: SessionRecord): Promise<void>;
  findById(id: string): Promise<SessionRecord | null>;
  /** Sets lastSeenAt to `at` only when it is older than `staleBefore`; true when it wrote. */
  touchLastSeen(id: string, at: string, staleBefore: string): Promise<boolean>;
  /** Revokes one session unless already revoked; true when it did. */
  revoke(id: string, at: string): Promise<boolean>;
  /** Revokes every unrevoked session of the person; how many. */
  revokeAllOf(personId: string, at: string): Promise<number>;
}

/** PEOPLE-LOCK-2's counters, per source (the SHA-256 of its address, not the address). */
export interface SignInThrottleStore {
  find(sourceKey: string): Promise<FailureCounter | null>;
  save(sourceKey: string, counter: FailureCounter): Promise<void>;
}

/** Argon2id in production; the port keeps the native addon out of the use cases and their tests' choices. */
export abstract class PasswordHasher {
  abstract hash(password: string): Promise<string>;
  /** False for a wrong password or a hash it cannot read; never throws for those. */
  abstract verify(passwordHash: string, password: string): Promise<boolean>;
}
