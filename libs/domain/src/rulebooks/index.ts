export {
  deadlineAfter,
  fiscalYearFirstDay,
  fiscalYearLastDay,
  fiscalYearOf,
  isIsoDate,
  periodLastDay,
  type IsoDate,
} from './calendar';
export { formatDecimal, readDecimal, type Decimal, type DecimalReading } from './decimal';
export * from './rulebook';
export * from './rulebook-parameters';
export * from './cn-standard-2011.rules';
export * from './cn-rulebook-2011';
export * from './cn-rulebook-2013';
export * from './cfp-rulebook-v5-1';
export * from './rulebook-registry';
export * from './rulebook-choice';
export * from './findings';
export * from './cn-date-rules';
export * from './cn-plan-date-rules';
export * from './required-tonnes';
export * from './credit-eligibility';
export * from './coverage';
export * from './cfp-true-up';
export * from './claim-draft';
export * from './planned-retirements';
export * from './cn-plan-certification';
export * from './certification-validity';
export * from './credit-facts';
export * from './cfp-implementation-plan';
export * from './applicant-requirements';
export * from './cn-emission-rules';
