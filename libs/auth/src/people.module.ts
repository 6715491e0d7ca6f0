import { Module } from '@nestjs/common';
import { CreateOrganizationUseCase, PasswordHasher, PEOPLE_USE_CASES } from '@registry/ledger';
import { Argon2idPasswordHasher } from './argon2id-password-hasher';

/**
 * People's accounts and sessions without HTTP: the use cases with Argon2id behind PasswordHasher.
 * The web app (cookies, CSRF check, pages) and the CLI import it; it needs the PersistenceModule.
 */
@Module({
  providers: [{ provide: PasswordHasher, useClass: Argon2idPasswordHasher }, CreateOrganizationUseCase, ...PEOPLE_USE_CASES],
  exports: [PasswordHasher, ...PEOPLE_USE_CASES],
})
export class PeopleModule {}
