export * from './claim-process-view';
export * from './notify-claim-change.use-case';
export * from './recommend-correction.use-case';
export * from './record-verification.use-case';
export * from './certifier-review.query';
