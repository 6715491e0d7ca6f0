import { invalidSerial } from './serial-error';
import { MAX_SERIAL_NUMBER, SerialRange } from './serial-range';

const NUMBER_SHAPE = `a whole number from 0 to ${MAX_SERIAL_NUMBER}`;

/**
 * Builds the block's range from the decimal digits of its start and end (already matched as \d+),
 * naming `serial.start` / `serial.end` when a bound is out of range or the block runs backwards.
 */
export function readSerialRange(startDigits: string, endDigits: string): SerialRange {
  const start = readSerialNumber(startDigits, 'start');
  const end = readSerialNumber(endDigits, 'end');
  if (end < start) {
    throw invalidSerial(`end ${end} is before start ${start}`, 'serial.end', 'an end serial number >= the start');
  }
  return new SerialRange(start, end);
}

function readSerialNumber(digits: string, which: 'start' | 'end'): bigint {
  const value = BigInt(digits);
  if (value > MAX_SERIAL_NUMBER) {
    throw invalidSerial(
      `${which} ${digits.length > 40 ? `${digits.slice(0, 40)}…` : digits} exceeds the largest serial number ${MAX_SERIAL_NUMBER}`,
      `serial.${which}`,
      NUMBER_SHAPE,
    );
  }
  return value;
}

/** The decimal digits as the canonical form prints them: no leading zeros (cheap when there are none). */
export function canonicalDigits(digits: string): string {
  return digits.length > 1 && digits.charCodeAt(0) === 48 ? BigInt(digits).toString() : digits;
}
