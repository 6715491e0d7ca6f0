import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ApiKeyAuthenticator } from './api-key-authenticator';
import { ApiKeyGuard } from './api-key.guard';
import { IssueApiKeyUseCase } from './issue-api-key.use-case';

@Module({
  providers: [ApiKeyAuthenticator, IssueApiKeyUseCase, { provide: APP_GUARD, useClass: ApiKeyGuard }],
  exports: [ApiKeyAuthenticator, IssueApiKeyUseCase],
})
export class AuthModule {}

/** For processes without HTTP (the CLI): the key use case without the global guard. */
@Module({ providers: [IssueApiKeyUseCase], exports: [IssueApiKeyUseCase] })
export class ApiKeysModule {}
