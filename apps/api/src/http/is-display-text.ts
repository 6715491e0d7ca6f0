import { displayTextProblem } from '@registry/domain';
import { ValidateBy, type ValidationOptions } from 'class-validator';

/**
 * Free text that ends up on certificates, pages or exports: no control characters, no bidi
 * overrides or isolates, no unpaired surrogates (the rule is the domain's `displayTextProblem`).
 * Non-strings pass here; pair it with `@IsString()`.
 */
export function IsDisplayText(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isDisplayText',
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || displayTextProblem(value) === undefined,
        defaultMessage: (args) => (typeof args?.value === 'string' && displayTextProblem(args.value)) || 'is not displayable text',
      },
    },
    options,
  );
}
