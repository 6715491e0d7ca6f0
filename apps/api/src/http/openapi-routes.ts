import type { INestApplication } from '@nestjs/common';
import { ModulesContainer, Reflector } from '@nestjs/core';
import { IS_PUBLIC, REQUIRED_ROLES } from '@registry/auth';
import type { ErrorCode, Role } from '@registry/domain';
import { PROBLEM_CODES } from './problems.decorator';

/** What the guards and decorators of one handler say about it, keyed like Nest's default operationId. */
export interface RouteFacts {
  controller: string;
  method: string;
  isPublic: boolean;
  /** Who passes the roles guard ('admin' alone where nothing is declared: deny by default). */
  roles: Role[];
  problems: ErrorCode[];
}

/** Reads the handlers' own metadata, so the document says exactly what the guards enforce. */
export function routeFacts(app: INestApplication): Map<string, RouteFacts> {
  const reflector = new Reflector();
  const facts = new Map<string, RouteFacts>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const type = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (!type) continue;
      for (const method of Object.getOwnPropertyNames(type.prototype)) {
        const handler = (type.prototype as Record<string, unknown>)[method];
        if (method === 'constructor' || typeof handler !== 'function') continue;
        const targets = [handler, type];
        facts.set(`${type.name}_${method}`, {
          controller: type.name,
          method,
          isPublic: reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) ?? false,
          roles: reflector.getAllAndOverride<Role[]>(REQUIRED_ROLES, targets) ?? ['admin'],
          problems: reflector.getAllAndMerge<ErrorCode[]>(PROBLEM_CODES, targets) ?? [],
        });
      }
    }
  }
  return facts;
}
