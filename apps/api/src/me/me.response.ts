import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ORGANIZATION_ROLES } from '@registry/domain';

/** The principal behind a key: the admin key, or an organisation's key (then its organisation, roles and key id). */
export class MeResponse {
  @ApiProperty({ enum: ['admin', 'organization'], example: 'organization' })
  kind: 'admin' | 'organization';

  @ApiPropertyOptional({ format: 'uuid', description: 'organisation keys only', example: '0b6f3c9e-7d1a-4f52-9a3e-5c2d8e1f4a60' })
  organizationId?: string;

  @ApiPropertyOptional({ enum: ORGANIZATION_ROLES, isArray: true, description: 'organisation keys only', example: ['provider'] })
  roles?: string[];

  @ApiPropertyOptional({ format: 'uuid', description: 'organisation keys only: the key presented', example: '8e2a4c6b-1f3d-4b5a-9c7e-2d4f6a8b0c1e' })
  apiKeyId?: string;
}
