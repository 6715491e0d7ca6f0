import { DomainError } from '../../errors';

/** Runs `action` and returns the DomainError it throws; anything else (or nothing) fails the test. */
export function catchDomainError(action: () => unknown): DomainError {
  try {
    action();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError but nothing was thrown');
}

/** Asserts an INVALID_SERIAL naming `field` and describing the expected shape; returns it for more checks. */
export function expectInvalidSerial(action: () => unknown, field: string): DomainError {
  const error = catchDomainError(action);
  expect(error.code).toBe('INVALID_SERIAL');
  expect(error.details['field']).toBe(field);
  expect(error.details['expected']).toEqual(expect.any(String));
  expect((error.details['expected'] as string).length).toBeGreaterThan(0);
  return error;
}
