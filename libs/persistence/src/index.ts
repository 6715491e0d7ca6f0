export * from './data-source.factory';
export * from './unit-of-work';
export * from './persistence.module';
export * from './dialect';
export * from './database-errors';
export * from './certificate-keys/file-key-ring';
