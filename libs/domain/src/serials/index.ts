export { MAX_SERIAL_INPUT_LENGTH, normalizeSerialText } from './normalize';
export { formatSerial, parseSerial } from './parse-serial';
export type { ParsedSerial, SerialAttributes, SerialAttributeValue } from './parsed-serial';
export { MAX_SERIAL_NUMBER, SerialRange } from './serial-range';
