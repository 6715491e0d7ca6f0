import { ApiPropertyOptional } from '@nestjs/swagger';
import { CLAIM_STATUSES, CLAIM_TYPES, type ClaimStatus, type ClaimType } from '@registry/ledger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsCalendarDateString } from '../http/is-calendar-date';
import { IsDisplayText } from '../http/is-display-text';
import { ListQueryDto } from '../lists/list.dto';

const REGISTER_STATUSES: ClaimStatus[] = ['certified', 'suspended', 'revoked', 'withdrawn', 'withdrawal_requested'];

export class RegisterQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: CLAIM_TYPES }) @IsOptional() @IsIn(CLAIM_TYPES) type?: ClaimType;
  @ApiPropertyOptional({ enum: REGISTER_STATUSES }) @IsOptional() @IsIn(REGISTER_STATUSES) status?: ClaimStatus;
  @ApiPropertyOptional({ example: '2026-04-01', description: 'certified on or after' }) @IsOptional() @IsCalendarDateString() certifiedFrom?: string;
  @ApiPropertyOptional({ example: '2027-03-31', description: 'certified on or before' }) @IsOptional() @IsCalendarDateString() certifiedTo?: string;
  @ApiPropertyOptional({ description: 'part of the holder’s name, the product, the boundary or a beneficiary' })
  @IsOptional() @IsString() @IsDisplayText() @MaxLength(200)
  q?: string;
  @ApiPropertyOptional({ description: 'part of the holder’s (applicant’s) name' }) @IsOptional() @IsString() @IsDisplayText() @MaxLength(200) applicant?: string;
  @ApiPropertyOptional({ description: 'part of the product’s name (CFP)' }) @IsOptional() @IsString() @IsDisplayText() @MaxLength(200) product?: string;
  @ApiPropertyOptional({ description: 'part of a beneficiary of the claim’s retirements' }) @IsOptional() @IsString() @IsDisplayText() @MaxLength(200) beneficiary?: string;
  @ApiPropertyOptional({ example: '2024-04-01', description: 'the claim’s period (target period; CFP: period) ends on or after' }) @IsOptional() @IsCalendarDateString() periodFrom?: string;
  @ApiPropertyOptional({ example: '2025-03-31', description: 'the claim’s period starts on or before' }) @IsOptional() @IsCalendarDateString() periodTo?: string;
}
