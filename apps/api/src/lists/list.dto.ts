import { ApiPropertyOptional } from '@nestjs/swagger';
import { ORGANIZATION_ROLES, SCHEME_CODES, type OrganizationRole, type SchemeCode } from '@registry/domain';
import { CLAIM_STATUSES, CLAIM_TYPES, type ClaimStatus, type ClaimType } from '@registry/ledger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsCalendarDateString } from '../http/is-calendar-date';
import { IsDisplayText } from '../http/is-display-text';


/** Paging and output shared by every list: `limit` 1–1000, `format` json/csv/xlsx, `lang` of file headers. */
export class ListQueryDto {
  @ApiPropertyOptional({ description: 'continue after the last item of the previous page' }) @IsOptional() @IsString() @MaxLength(200) cursor?: string;
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 1000, default: 100 }) @IsOptional() @IsString() limit?: string;
  @ApiPropertyOptional({ enum: ['json', 'csv', 'xlsx'], description: 'csv and xlsx export the whole filtered list' }) @IsOptional() @IsString() format?: string;
  @ApiPropertyOptional({ enum: ['en', 'ja'], description: 'language of the CSV/xlsx column headers' }) @IsOptional() @IsString() lang?: string;
}

export class RetirementListQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ description: 'part of the beneficiary’s name' }) @IsOptional() @IsString() @IsDisplayText() @MaxLength(500) beneficiary?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() claimId?: string;
  @ApiPropertyOptional({ enum: SCHEME_CODES }) @IsOptional() @IsIn(SCHEME_CODES) scheme?: SchemeCode;
  @ApiPropertyOptional({ example: '2026-04-01' }) @IsOptional() @IsCalendarDateString() retiredFrom?: string;
  @ApiPropertyOptional({ example: '2027-03-31' }) @IsOptional() @IsCalendarDateString() retiredTo?: string;
  @ApiPropertyOptional({ description: 'auditors only' }) @IsOptional() @IsUUID() organizationId?: string;
}

export class ClaimListQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: CLAIM_TYPES }) @IsOptional() @IsIn(CLAIM_TYPES) type?: ClaimType;
  @ApiPropertyOptional({ enum: CLAIM_STATUSES }) @IsOptional() @IsIn(CLAIM_STATUSES) status?: ClaimStatus;
}

export class HoldingListQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: SCHEME_CODES }) @IsOptional() @IsIn(SCHEME_CODES) scheme?: SchemeCode;
}

export class OrganizationListQueryDto {
  @ApiPropertyOptional({ enum: ['json', 'csv', 'xlsx'] }) @IsOptional() @IsString() format?: string;
  @ApiPropertyOptional({ enum: ['en', 'ja'] }) @IsOptional() @IsString() lang?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) cursor?: string;
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 1000, default: 100 }) @IsOptional() @IsString() limit?: string;
  @ApiPropertyOptional({ enum: ORGANIZATION_ROLES }) @IsOptional() @IsIn(ORGANIZATION_ROLES) role?: OrganizationRole;
  @ApiPropertyOptional({ description: 'part of the name' }) @IsOptional() @IsString() @IsDisplayText() @MaxLength(200) name?: string;
}

export const LIST_PARAMETERS = ['cursor', 'limit', 'format', 'lang'];
