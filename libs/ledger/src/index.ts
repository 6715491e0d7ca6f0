export * from './ports';
export * from './ledger.module';
export * from './job-handlers.module';
export * from './organizations/create-organization.use-case';
export * from './organizations/get-organization.use-case';
export * from './ops/heartbeat.use-cases';
export * from './ops/check-readiness.use-case';
