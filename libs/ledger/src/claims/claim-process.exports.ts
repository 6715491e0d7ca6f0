export * from './claim-process-view';
export * from './record-verification.use-case';
