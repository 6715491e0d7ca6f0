import { UseGuards, type ArgumentMetadata, type CanActivate, type ExecutionContext, type PipeTransform } from '@nestjs/common';
import { DomainError } from '@registry/domain';
import type { FastifyRequest } from 'fastify';

/**
 * A query parameter given twice reaches a handler as an array (`?number=a&number=b`), which code
 * written for a string turns into a 500 or, once a later pipe has cast it, reads as "a,b". This
 * global pipe runs before the others and refuses any query value that is not one string. A handler
 * that does take a list says so by its parameter's type (`@Query('serial') serials: string[]`);
 * a whole-object `@Query()` takes single values only.
 */
export class SingleQueryValuesPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type !== 'query' || value === undefined) return value;
    if (metadata.data !== undefined) {
      if (metadata.metatype !== Array) assertSingleValue(metadata.data, value);
    } else if (value !== null && typeof value === 'object') {
      for (const [name, item] of Object.entries(value)) assertSingleValue(name, item);
    }
    return value;
  }
}

function assertSingleValue(name: string, value: unknown): void {
  if (typeof value === 'string' || value === undefined) return;
  const message = Array.isArray(value) ? 'must be given at most once' : 'must be a single value';
  throw new DomainError('VALIDATION_FAILED', `query parameter ${name} ${message}`, { errors: [{ field: name, message }] });
}

/**
 * List endpoints name the query parameters they read: any other one is 400 VALIDATION_FAILED, since
 * a filter silently ignored (a typo, a parameter this version does not have) answers the wrong list.
 * It runs after authentication (a guard of the route, after the global ones).
 */
export function OnlyQueryParameters(...known: string[]): MethodDecorator & ClassDecorator {
  return UseGuards(new KnownQueryParametersGuard(known));
}

class KnownQueryParametersGuard implements CanActivate {
  constructor(private readonly known: readonly string[]) {}

  canActivate(context: ExecutionContext): boolean {
    const query = context.switchToHttp().getRequest<FastifyRequest>().query ?? {};
    const unknown = Object.keys(query).filter((name) => !this.known.includes(name));
    if (unknown.length > 0) {
      const message = `is not a known query parameter here (known: ${this.known.join(', ') || 'none'})`;
      throw new DomainError('VALIDATION_FAILED', `query parameter ${unknown.join(', ')} ${message}`, {
        errors: unknown.map((field) => ({ field, message })),
      });
    }
    return true;
  }
}
