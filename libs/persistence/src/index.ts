export * from './data-source.factory';
export * from './unit-of-work';
export * from './persistence.module';
export * from './dialect';
export * from './database-errors';
export * from './certificate-keys/file-key-ring';
export * from './certificate-pdfs/sql-certificate-pdf-store';
export * from './certificate-pdfs/sqlite-certificate-pdf-database';
