/**
 * Exact decimal arithmetic on bigint fixed-point values: tonnes, kg and shares are never JS floats.
 * A value is `units / 10^scale`.
 */
export interface Decimal {
  readonly units: bigint;
  readonly scale: number;
}

/** Up to 30 integer digits and 18 fraction digits: far beyond any real emission figure. */
const DECIMAL_TEXT = /^(-?)(\d{1,30})(?:\.(\d{1,18}))?$/;

export type DecimalReading = { readonly ok: true; readonly value: Decimal } | { readonly ok: false; readonly message: string };

/**
 * Reads a decimal string ("12", "0.5", "-3.25") or a bigint. JS numbers are refused: the API carries
 * quantities as strings so that nothing passes through a float.
 */
export function readDecimal(value: unknown): DecimalReading {
  if (typeof value === 'bigint') return { ok: true, value: { units: value, scale: 0 } };
  if (typeof value !== 'string') return { ok: false, message: 'must be a decimal string such as "12.5"' };
  const match = DECIMAL_TEXT.exec(value);
  if (!match) return { ok: false, message: `must be a decimal string such as "12.5", got ${JSON.stringify(value.slice(0, 40))}` };
  const fraction = match[3] ?? '';
  const magnitude = BigInt(match[2]! + fraction);
  return { ok: true, value: { units: match[1] === '-' ? -magnitude : magnitude, scale: fraction.length } };
}

export function decimal(value: string | bigint): Decimal {
  const reading = readDecimal(value);
  if (!reading.ok) throw new RangeError(`decimal ${reading.message}`);
  return reading.value;
}

export const ZERO: Decimal = Object.freeze({ units: 0n, scale: 0 });

const pow10 = (n: number): bigint => 10n ** BigInt(n);

function aligned(a: Decimal, b: Decimal): [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale);
  return [a.units * pow10(scale - a.scale), b.units * pow10(scale - b.scale), scale];
}

export function add(a: Decimal, b: Decimal): Decimal {
  const [x, y, scale] = aligned(a, b);
  return { units: x + y, scale };
}

export function subtract(a: Decimal, b: Decimal): Decimal {
  const [x, y, scale] = aligned(a, b);
  return { units: x - y, scale };
}

export function multiply(a: Decimal, b: Decimal): Decimal {
  return { units: a.units * b.units, scale: a.scale + b.scale };
}

/** Exact division by a power of ten, e.g. kg → t is `divideByPowerOfTen(kg, 3)`. */
export function divideByPowerOfTen(a: Decimal, exponent: number): Decimal {
  return { units: a.units, scale: a.scale + exponent };
}

export function compare(a: Decimal, b: Decimal): -1 | 0 | 1 {
  const [x, y] = aligned(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function sum(values: readonly Decimal[]): Decimal {
  return values.reduce(add, ZERO);
}

/** The smallest whole number ≥ the value (bigint division truncates toward zero). */
export function ceilToWhole(a: Decimal): bigint {
  const divisor = pow10(a.scale);
  const quotient = a.units / divisor;
  return a.units > 0n && a.units % divisor !== 0n ? quotient + 1n : quotient;
}

/** Shortest decimal text of the value: "1.50" prints "1.5", "-0" prints "0". */
export function formatDecimal(a: Decimal): string {
  if (a.units === 0n) return '0';
  const negative = a.units < 0n;
  const digits = (negative ? -a.units : a.units).toString().padStart(a.scale + 1, '0');
  const whole = digits.slice(0, digits.length - a.scale);
  const fraction = digits.slice(digits.length - a.scale).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}
