import { CreateAdministratorUseCase } from './create-administrator.use-case';
import { CreatePersonUseCase } from './create-person.use-case';
import { ListPeopleQuery } from './list-people.query';
import { ResetPasswordUseCase } from './reset-password.use-case';
import { ResolveSessionUseCase } from './resolve-session.use-case';
import { SignInUseCase } from './sign-in.use-case';
import { SignOutUseCase } from './sign-out.use-case';

export * from './person-actor';
export * from './create-person.use-case';
export * from './create-administrator.use-case';
export * from './sign-in.use-case';
export * from './resolve-session.use-case';
export * from './sign-out.use-case';
export * from './reset-password.use-case';
export * from './list-people.query';
export * from './generate-password';

/** The people use cases; a PasswordHasher must be provided beside them (Argon2idPasswordHasher in @registry/auth). */
export const PEOPLE_USE_CASES = [CreatePersonUseCase, CreateAdministratorUseCase, SignInUseCase, ResolveSessionUseCase, SignOutUseCase, ResetPasswordUseCase, ListPeopleQuery];
