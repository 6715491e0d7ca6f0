import { SetMetadata } from '@nestjs/common';
import type { Role } from '@registry/domain';

export const IS_PUBLIC = 'registry:isPublic';
export const REQUIRED_ROLES = 'registry:roles';
export const ACCEPTS_METRICS_TOKEN = 'registry:acceptsMetricsToken';

/** Opens a route to callers without a key. Everything else is denied by default. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** The caller needs at least one of these roles. A route with no @Roles and no @Public is admin-only. */
export const Roles = (...roles: Role[]) => SetMetadata(REQUIRED_ROLES, roles);

/** The route also opens to METRICS_TOKEN as the bearer (a Prometheus scraper holds no API key). */
export const AcceptsMetricsToken = () => SetMetadata(ACCEPTS_METRICS_TOKEN, true);

export const AUTHENTICATED_BY_SESSION = 'registry:authenticatedBySession';

/**
 * The route is a web page for signed-in people: it authenticates by the session cookie, through the
 * web's own guard (which denies by default as this one does), never by an API key.
 */
export const AuthenticatedBySession = () => SetMetadata(AUTHENTICATED_BY_SESSION, true);
