export * from './registry-config';
export * from './load-config';
export * from './config.tokens';
export * from './config.module';
export * from './load-config-or-exit';
export * from './trust-proxy';
