import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { DomainError } from '@registry/domain';

/** Whitelists DTO fields (unknown fields are an error) and reports each bad field by its path. */
export function createValidationPipe(): ValidationPipe {
  return new BodyValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => {
      const flat = flatten(errors);
      return new DomainError('VALIDATION_FAILED', flat.map((e) => `${e.field}: ${e.message}`).join('; '), {
        errors: flat,
      });
    },
  });
}

function flatten(errors: ValidationError[], parent = ''): { field: string; message: string }[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field: field || 'body',
      message: message.replace(/^property (\S+) should not exist$/, 'is not a known field'),
    }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

class BodyValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const expectsObject =
      metadata.type === 'body' && typeof metadata.metatype === 'function' && metadata.metatype !== String && metadata.metatype !== Object;
    if (expectsObject && (value === null || typeof value !== 'object' || Array.isArray(value))) {
      const message = 'the request body must be a JSON object';
      throw new DomainError('VALIDATION_FAILED', message, { errors: [{ field: 'body', message }] });
    }
    return super.transform(value, metadata);
  }
}

/** Validates a body against a DTO where the route takes more than one content type. */
export function validateBody<T extends object>(dto: new () => T, body: unknown): Promise<T> {
  return createValidationPipe().transform(body, { type: 'body', metatype: dto }) as Promise<T>;
}
