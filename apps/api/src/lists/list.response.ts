import { ApiProperty } from '@nestjs/swagger';
import { ORGANIZATION_ROLES } from '@registry/domain';

/** A row of GET /v1/organizations. */
export class DirectoryEntryResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '株式会社サンプル' })
  name: string;

  @ApiProperty({ type: String, nullable: true, description: 'the 13-digit 法人番号', example: '1234567890123' })
  corporateNumber: string | null;

  @ApiProperty({ enum: ORGANIZATION_ROLES, isArray: true, example: ['provider'] })
  roles: string[];
}
