import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SANCTION_GROUNDS, type SanctionGround } from '@registry/domain';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { IsDisplayText } from '../http/is-display-text';

/** Suspension or revocation (seed 002 2.3.5–2.3.6, 3.3.4 for plans). */
export class SanctionDto {
  @ApiProperty({ example: 'the recommended correction was not made by its due date' }) @IsString() @IsDisplayText() @Length(1, 1000) reason: string;
  @ApiPropertyOptional({
    enum: SANCTION_GROUNDS,
    description: "2.3.5: 'uncorrected' (default, ②: needs a recommendation for correction first), 'non_cooperation' (①), 'urgent' (③)",
  })
  @IsOptional()
  @IsIn(SANCTION_GROUNDS)
  ground?: SanctionGround;
}

/** 是正勧告 (2.3.5 ②, 3.3.4 ②). */
export class RecommendCorrectionDto {
  @ApiProperty({ example: 'scope 2 emissions of the Osaka site were left out' }) @IsString() @IsDisplayText() @Length(1, 1000) reason: string;
  @ApiProperty({ example: '2027-01-31', description: 'correction due by (not before today)' }) @IsString() dueOn: string;
}

/** The certifier's answer to a withdrawal request (2.3.7); a refusal says why. */
export class AcceptWithdrawalDto {
  @ApiPropertyOptional({ example: 'the written request is justified' }) @IsOptional() @IsString() @IsDisplayText() @Length(1, 1000) reason?: string;
}

/** CNP-3.4.1: a plan change notified at least 30 business days ahead. */
export class PlanChangeDto {
  @ApiProperty({ example: '2027-02-01' }) @IsString() effectiveOn: string;
  @ApiProperty({ example: 'J-Credits replace the planned J-VER' }) @IsString() @IsDisplayText() @Length(1, 4000) description: string;
}

/** CFP art. 13 ③: a change (art. 10) of a notified CFP offset is notified again. */
export class ChangeNotificationDto {
  @ApiPropertyOptional({ example: '2027-02-01' }) @IsOptional() @IsString() effectiveOn?: string;
  @ApiProperty({ example: 'new package size: quantity 12,000 → 15,000' }) @IsString() @IsDisplayText() @Length(1, 4000) description: string;
}
