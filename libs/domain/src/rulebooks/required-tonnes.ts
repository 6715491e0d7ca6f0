import { ceilToWhole, compare, divideByPowerOfTen, formatDecimal, multiply, subtract, sum, ZERO, type Decimal } from './decimal';
import { FieldErrors } from './findings';

/** CN emissions in t-CO2e as decimal strings (API.md "Claims", CN). */
export interface CnEmissions {
  readonly scope1: string;
  readonly scope2: string;
  readonly scope3?: string;
  readonly includeScope3?: boolean;
  /** Electricity, heat or steam the applicant generates and supplies to others (seed 003 "クレジットの無効化"). */
  readonly suppliedToOthers?: string;
}

/** CFP figures as decimal strings (API.md "Claims", CFP). */
export interface CfpQuantities {
  readonly cfpPerUnitKg: string;
  readonly quantity: string;
  /** Partial offset (seed 004 art. 8 (1) proviso): the CFP of the stages up to manufacture / of provision and use. */
  readonly partial?: { readonly stageCfpPerUnitKg: string };
}

const KG_PER_TONNE_EXPONENT = 3;

const at = (prefix: string, name: string) => (prefix ? `${prefix}.${name}` : name);

/**
 * CN neutralised amount (2.1.5, seed 003): scope1 + scope2 (+ scope3 if included) − suppliedToOthers,
 * rounded up to a whole tonne. Records malformed or negative fields in `errors` and returns undefined.
 */
export function collectCnRequiredTonnes(emissions: CnEmissions, errors: FieldErrors, prefix = 'emissions'): bigint | undefined {
  const before = errors.list.length;
  const nonNegative = { nonNegative: true };
  const scope1 = errors.decimal(emissions.scope1, at(prefix, 'scope1'), nonNegative);
  const scope2 = errors.decimal(emissions.scope2, at(prefix, 'scope2'), nonNegative);
  let scope3: Decimal | undefined = ZERO;
  if (emissions.includeScope3 === true) {
    scope3 = emissions.scope3 === undefined ? void errors.add(at(prefix, 'scope3'), 'is required when includeScope3 is true') : errors.decimal(emissions.scope3, at(prefix, 'scope3'), nonNegative);
  } else if (emissions.scope3 !== undefined) {
    errors.decimal(emissions.scope3, at(prefix, 'scope3'), nonNegative); // calculated but left out (2.1.5): still well-formed
  }
  const supplied = emissions.suppliedToOthers === undefined ? ZERO : errors.decimal(emissions.suppliedToOthers, at(prefix, 'suppliedToOthers'), nonNegative);
  if (errors.list.length > before || !scope1 || !scope2 || !scope3 || !supplied) return undefined;
  const covered = sum([scope1, scope2, scope3]);
  if (compare(supplied, covered) > 0) {
    errors.add(at(prefix, 'suppliedToOthers'), `(${formatDecimal(supplied)} t) exceeds the emissions it is deducted from (${formatDecimal(covered)} t)`);
    return undefined;
  }
  return ceilToWhole(subtract(covered, supplied));
}

/** CN required tonnes; throws 400 VALIDATION_FAILED naming every bad field. */
export function cnRequiredTonnes(emissions: CnEmissions): bigint {
  const errors = new FieldErrors();
  const tonnes = collectCnRequiredTonnes(emissions, errors);
  errors.throwIfAny();
  return tonnes!;
}

/** ceil(kg per unit × quantity / 1000): 2.5 kg × 400 = 1 t exactly → 1; × 401 → 2. */
export function kgTimesQuantityInTonnes(kgPerUnit: Decimal, quantity: Decimal): bigint {
  return ceilToWhole(divideByPowerOfTen(multiply(kgPerUnit, quantity), KG_PER_TONNE_EXPONENT));
}

/** CFP art. 8 (1): required tonnes from the full CFP, or from the stage figure for a partial offset. */
export function collectCfpRequiredTonnes(input: CfpQuantities, errors: FieldErrors, prefix = ''): bigint | undefined {
  const before = errors.list.length;
  const nonNegative = { nonNegative: true };
  const full = errors.decimal(input.cfpPerUnitKg, at(prefix, 'cfpPerUnitKg'), nonNegative);
  const quantity = errors.decimal(input.quantity, at(prefix, 'quantity'), nonNegative);
  const stage = input.partial === undefined ? undefined : errors.decimal(input.partial.stageCfpPerUnitKg, at(prefix, 'partial.stageCfpPerUnitKg'), nonNegative);
  if (errors.list.length > before || !full || !quantity) return undefined;
  return kgTimesQuantityInTonnes(stage ?? full, quantity);
}

export function cfpRequiredTonnes(input: CfpQuantities): bigint {
  const errors = new FieldErrors();
  const tonnes = collectCfpRequiredTonnes(input, errors);
  errors.throwIfAny();
  return tonnes!;
}
