export * from './records';
export * from './stores';
export * from './ledger-records';
export * from './ledger-stores';
export * from './claim-records';
export * from './certificate-ports';
export * from '../imports/import-ports';
