export * from './webhook-signature';
export * from './webhook-address';
export * from './webhook-events';
