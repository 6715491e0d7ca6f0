// The calendar lives in one module (../calendar); this path keeps the rulebooks' imports working.
export * from '../calendar';
