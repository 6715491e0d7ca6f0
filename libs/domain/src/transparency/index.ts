export * from './merkle';
export * from './proof-plans';
export * from './proof-verification';
export * from './merkle-frontier';
export * from './checkpoint';
export * from './tiles';
export * from './log-proof-check';
