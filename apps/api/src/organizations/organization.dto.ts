import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ORGANIZATION_ROLES, type OrganizationRole } from '@registry/domain';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { IsDisplayText } from '../http/is-display-text';

export class CreateOrganizationDto {
  @ApiProperty({ example: '株式会社サンプル' })
  @IsString() @IsDisplayText() @Length(1, 200)
  name: string;

  @ApiPropertyOptional({ description: '13-digit Japanese corporate number (法人番号), check digit verified', example: '7000012050002' })
  @IsOptional() @IsString() @MaxLength(40)
  corporateNumber?: string;

  @ApiProperty({ enum: ORGANIZATION_ROLES, isArray: true, example: ['provider'] })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(4) @IsIn(ORGANIZATION_ROLES, { each: true })
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
}

export class ApiKeyCreatedDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty({ description: 'the key; shown once, stored only as a SHA-256 digest' }) key: string;
  @ApiProperty({ nullable: true, type: String }) label: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}
