export * from './api-key-format';
export * from './principal';
export * from './api-key-authenticator';
export * from './issue-api-key.use-case';
export * from './decorators';
export * from './api-key.guard';
export * from './auth.module';
