/** `verifier`: a verification body (seed 002 2.2), independent of the applicants it verifies. */
export const ORGANIZATION_ROLES = ['provider', 'applicant', 'auditor', 'certifier', 'verifier'] as const;
export type OrganizationRole = (typeof ORGANIZATION_ROLES)[number];
/** `admin` is not an organisation role: it belongs to the key configured as ADMIN_API_KEY. */
export type Role = OrganizationRole | 'admin';
