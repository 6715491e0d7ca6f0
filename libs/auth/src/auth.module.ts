import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ApiKeyAuthenticator } from './api-key-authenticator';
import { ApiKeyGuard } from './api-key.guard';
import { IssueApiKeyUseCase } from './issue-api-key.use-case';
import { ListApiKeysUseCase } from './list-api-keys.use-case';
import { RevokeApiKeyUseCase } from './revoke-api-key.use-case';

const KEY_USE_CASES = [IssueApiKeyUseCase, ListApiKeysUseCase, RevokeApiKeyUseCase];

@Module({
  providers: [ApiKeyAuthenticator, ...KEY_USE_CASES, { provide: APP_GUARD, useClass: ApiKeyGuard }],
  exports: [ApiKeyAuthenticator, ...KEY_USE_CASES],
})
export class AuthModule {}

/** For processes without HTTP (the CLI): the key use cases without the global guard. */
@Module({ providers: KEY_USE_CASES, exports: KEY_USE_CASES })
export class ApiKeysModule {}
