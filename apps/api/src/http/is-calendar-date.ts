import { isIsoDate } from '@registry/domain';
import { ValidateBy, type ValidationOptions } from 'class-validator';

/** `YYYY-MM-DD` naming a day that exists (2025-02-29 does not). */
export function IsCalendarDateString(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    { name: 'isCalendarDateString', validator: { validate: isIsoDate, defaultMessage: () => 'must be a date YYYY-MM-DD that exists' } },
    options,
  );
}
