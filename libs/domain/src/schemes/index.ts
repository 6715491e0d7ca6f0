export * from './scheme-catalog';
export * from './jcredit-family';
export * from './kyoto-codes';
export * from './iso-3166';
