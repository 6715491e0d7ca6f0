import { Injectable } from '@nestjs/common';
import { hash, verify, type Algorithm } from '@node-rs/argon2';
import { PasswordHasher } from '@registry/ledger/ports';

/**
 * OWASP Password Storage Cheat Sheet's first Argon2id choice: 19 MiB, 2 passes, 1 lane (also the
 * library's defaults, written out so an upgrade of the library cannot weaken them unnoticed).
 * The PHC string keeps its parameters, so hashes made with other ones still verify.
 */
/** The enum is `const` and absent at run time (swc, jest), so its value is written here and typed by it. */
const ARGON2ID: Algorithm.Argon2id = 2;

export const ARGON2ID_PARAMETERS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

@Injectable()
export class Argon2idPasswordHasher extends PasswordHasher {
  hash(password: string): Promise<string> {
    return hash(password, ARGON2ID_PARAMETERS);
  }

  async verify(passwordHash: string, password: string): Promise<boolean> {
    try {
      return await verify(passwordHash, password);
    } catch {
      // A hash it cannot parse is a refusal, not a 500 (and the password never reaches a log).
      return false;
    }
  }
}
