import { ListClaimsQuery } from './list-claims.query';
import { ListRetirementsQuery } from './list-retirements.query';
import { OrganizationDirectoryQuery } from './organization-directory.query';

export * from './list-page';
export * from './list-claims.query';
export * from './list-retirements.query';
export * from './organization-directory.query';

export const LIST_QUERIES = [ListRetirementsQuery, ListClaimsQuery, OrganizationDirectoryQuery];
