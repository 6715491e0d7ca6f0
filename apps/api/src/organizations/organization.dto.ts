import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ISO_INSTANT } from '@registry/auth';
import { ORGANIZATION_ROLES, type OrganizationRole } from '@registry/domain';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsISO8601, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { IsDisplayText } from '../http/is-display-text';

export class RenameOrganizationDto {
  @ApiProperty({ example: '株式会社サンプル新社名' })
  @IsString() @IsDisplayText() @Length(1, 200)
  name: string;
}

export class CreateOrganizationDto {
  @ApiProperty({ example: '株式会社サンプル' })
  @IsString() @IsDisplayText() @Length(1, 200)
  name: string;

  @ApiPropertyOptional({ description: '13-digit Japanese corporate number (法人番号), check digit verified', example: '7000012050002' })
  @IsOptional() @IsString() @MaxLength(40)
  corporateNumber?: string;

  @ApiProperty({ enum: ORGANIZATION_ROLES, isArray: true, example: ['provider'] })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(ORGANIZATION_ROLES.length) @IsIn(ORGANIZATION_ROLES, { each: true })
  roles: OrganizationRole[];
}

export class OrganizationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) corporateNumber: string | null;
  @ApiProperty({ enum: ORGANIZATION_ROLES, isArray: true }) roles: OrganizationRole[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class CreateApiKeyDto {
  @ApiPropertyOptional({ description: 'a name to recognise the key by', example: 'import script' })
  @IsOptional() @IsString() @IsDisplayText() @Length(1, 100)
  label?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'the key is refused (401) from this instant on; must be in the future', example: '2030-01-01T00:00:00Z' })
  @IsOptional() @IsString()
  @Matches(ISO_INSTANT, { message: 'must be an ISO 8601 instant with a time zone, e.g. 2030-01-01T00:00:00Z' })
  @IsISO8601({ strict: true }, { message: 'must be a valid calendar instant' })
  expiresAt?: string;
}

export class ApiKeyCreatedDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty({ description: 'the key; shown once, stored only as a SHA-256 digest' }) key: string;
  @ApiProperty({ nullable: true, type: String }) label: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) expiresAt: string | null;
}

export class ApiKeySummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'the public start of the key (`ork_<lookup id>`), to recognise it; never the secret', example: 'ork_0123456789abcdef' })
  prefix: string;
  @ApiProperty({ nullable: true, type: String }) label: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'first use, then refreshed at most once a minute' })
  lastUsedAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) expiresAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) revokedAt: string | null;
}

export class ApiKeyListDto {
  @ApiProperty({ type: [ApiKeySummaryDto] }) items: ApiKeySummaryDto[];
}
