import { ApiKeyEntity } from './api-key.entity';
import { JobRunEntity } from './job-run.entity';
import { OrganizationEntity } from './organization.entity';

export { ApiKeyEntity, JobRunEntity, OrganizationEntity };
export const ENTITIES = [OrganizationEntity, ApiKeyEntity, JobRunEntity];
