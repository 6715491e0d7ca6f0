export * from './errors';
export * from './organizations/roles';
export * from './organizations/corporate-number';
