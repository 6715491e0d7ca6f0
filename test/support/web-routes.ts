import { RequestMethod, type Type } from '@nestjs/common';
import { METHOD_METADATA, MODULE_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { IS_PUBLIC } from '@registry/auth';
import type { Role } from '@registry/domain';
import { WEB_ACCESS, type WebAccess } from '../../apps/api/src/web/session/web-session';
import { WebModule } from '../../apps/api/src/web/web.module';

export interface WebRoute {
  method: string;
  /** As Nest registers it, with `:name` parameters: `/ledger/verify`. */
  path: string;
  /** `null`: public; else the roles of `@SignedIn()` (empty: any signed-in person). */
  signedIn: Role[] | null;
  /** Neither public nor signed-in: the guard refuses it (there should be none). */
  undeclared: boolean;
}

const join = (...parts: (string | undefined)[]) => `/${parts.filter((part) => part && part !== '/').map((part) => part!.replace(/^\/|\/$/g, '')).filter(Boolean).join('/')}`;

/**
 * Every route of the WebModule's controllers, read from Nest's decorator metadata (what the router
 * registers), with the access each declares: the table the security tests are generated from, as
 * the API's authorisation matrix is generated from the OpenAPI document. Known before the app runs.
 */
export function webRouteTable(): WebRoute[] {
  const controllers = (Reflect.getMetadata(MODULE_METADATA.CONTROLLERS, WebModule) ?? []) as Type[];
  const routes: WebRoute[] = [];
  for (const controller of controllers) {
    const base = Reflect.getMetadata(PATH_METADATA, controller) as string | undefined;
    for (const name of Object.getOwnPropertyNames(controller.prototype)) {
      const handler = (controller.prototype as Record<string, unknown>)[name];
      if (name === 'constructor' || typeof handler !== 'function') continue;
      const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      if (path === undefined || method === undefined) continue;
      const access = (Reflect.getMetadata(WEB_ACCESS, handler) ?? Reflect.getMetadata(WEB_ACCESS, controller)) as WebAccess | undefined;
      const isPublic = Boolean(Reflect.getMetadata(IS_PUBLIC, handler) ?? Reflect.getMetadata(IS_PUBLIC, controller));
      routes.push({ method: RequestMethod[method], path: join(base, path), signedIn: access ? access.roles : null, undeclared: !access && !isPublic });
    }
  }
  return routes;
}

/** Whether a person acting with `roles` (admin for an administrator) opens a page for `required` (empty: anyone signed in). */
export function opens(required: readonly Role[], roles: readonly Role[]): boolean {
  return required.length === 0 || required.some((role) => roles.includes(role));
}
