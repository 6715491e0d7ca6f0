export * from './errors';
export * from './organizations/roles';
export * from './organizations/corporate-number';
export * from './journal/journal-chain';
export * from './serials';
export * from './schemes';
export * from './ledger/segments';
export * from './certificates/certificate-signature';
