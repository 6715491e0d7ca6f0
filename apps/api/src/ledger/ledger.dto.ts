import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SCHEME_CODES, type SchemeCode } from '@registry/domain';
import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { IsDisplayText } from '../http/is-display-text';

export class EvidenceDto {
  @ApiProperty({ example: 'J-Credit registry' }) @IsString() @IsDisplayText() @Length(1, 200)
  registry: string;

  @ApiProperty({ description: 'e.g. the J-Credit 無効化通知 number', example: 'MK-2026-000123' }) @IsString() @IsDisplayText() @Length(1, 200)
  reference: string;
}

export class RegisterHoldingDto {
  @ApiProperty({ example: 'JCL-ERL-R012-1000001-1000500' }) @IsString()
  serial: string;

  @ApiPropertyOptional({ enum: SCHEME_CODES }) @IsOptional() @IsIn(SCHEME_CODES)
  scheme?: SchemeCode;

  @ApiPropertyOptional({ type: EvidenceDto }) @IsOptional() @ValidateNested() @Type(() => EvidenceDto)
  evidence?: EvidenceDto;
}

export class TransferDto {
  @ApiProperty({ example: 'JCL-ERL-R012-1000001-1000100' }) @IsString()
  serial: string;

  @ApiPropertyOptional({ enum: SCHEME_CODES }) @IsOptional() @IsIn(SCHEME_CODES)
  scheme?: SchemeCode;

  @ApiProperty({ format: 'uuid' }) @IsString() @Length(1, 64)
  toOrganizationId: string;
}

export class CreditFactsDto {
  @ApiPropertyOptional({ example: '2012-11-30', description: 'issue date of the credits (CN transitional rule)' }) @IsOptional() @IsString()
  issuedOn?: string;

  @ApiPropertyOptional({ description: 'organisation that created the credits, where known (CFP art. 12)' }) @IsOptional() @IsString() @IsDisplayText()
  creatorId?: string;

  @ApiPropertyOptional({ description: 'AAU: the applicant proved the units stand for real reductions (CN 2.1.6 ①)' }) @IsOptional() @IsBoolean()
  greeningEvidence?: boolean;

  @ApiPropertyOptional({ description: "the credits' project changed the product's own footprint (CFP art. 12)" }) @IsOptional() @IsBoolean()
  changedProductFootprint?: boolean;
}

export class RetireDto {
  @ApiProperty({ type: [String], example: ['JCL-ERL-R012-1000001-1000100'], description: 'at most 1,000' })
  @IsArray() @ArrayMinSize(1) @IsString({ each: true })
  serials: string[];

  @ApiPropertyOptional({ enum: SCHEME_CODES }) @IsOptional() @IsIn(SCHEME_CODES)
  scheme?: SchemeCode;

  @ApiPropertyOptional({ description: 'the claim these credits back' }) @IsOptional() @IsString() @Length(1, 64)
  claimId?: string;

  @ApiProperty({ description: 'クレジット利用者', example: '株式会社サンプル' }) @IsString() @IsDisplayText() @Length(1, 500)
  beneficiary: string;

  @ApiProperty({ example: 'Carbon neutral certification FY2025' }) @IsString() @IsDisplayText() @Length(1, 1000)
  purpose: string;

  @ApiPropertyOptional({ example: '2026-11-24', description: 'default: today in Japan; never in the future' })
  @IsOptional() @Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: 'retiredOn must be a date YYYY-MM-DD' })
  retiredOn?: string;

  @ApiPropertyOptional({ type: EvidenceDto, description: "the managing registry's evidence; required for serials the ledger does not hold" })
  @IsOptional() @ValidateNested() @Type(() => EvidenceDto)
  evidence?: EvidenceDto;

  @ApiPropertyOptional({ type: CreditFactsDto, description: "facts about the credits that the programs' eligibility rules need" })
  @IsOptional() @ValidateNested() @Type(() => CreditFactsDto)
  creditFacts?: CreditFactsDto;
}

export class VoidRetirementDto {
  @ApiProperty({ example: 'serials entered in error; see ticket 42' }) @IsString() @IsDisplayText() @Length(1, 1000)
  reason: string;
}

export class CheckSerialsDto {
  @ApiProperty({ type: [String], description: 'at most 1,000' }) @IsArray() @ArrayMinSize(1) @IsString({ each: true })
  serials: string[];
}

export class ParseSerialDto {
  @ApiProperty({ example: 'ＪＣＬ－ＥＲＬ－Ｒ０１２－１０００００１－１０００５００' }) @IsString()
  serial: string;

  @ApiPropertyOptional({ enum: SCHEME_CODES }) @IsOptional() @IsIn(SCHEME_CODES)
  scheme?: SchemeCode;
}
