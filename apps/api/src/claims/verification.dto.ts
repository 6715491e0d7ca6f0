import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsDefined, IsIn, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { IsDisplayText } from '../http/is-display-text';

export class VerifiedEmissionsDto {
  @ApiProperty({ example: '1200.4', description: 't-CO2e, decimal string' }) @IsString() scope1: string;
  @ApiProperty({ example: '800' }) @IsString() scope2: string;
  @ApiPropertyOptional({ example: '300' }) @IsOptional() @IsString() scope3?: string;
}

/** Seed 002 2.2 (3.2 for plans): the verification body's report on the claim. */
export class RecordVerificationDto {
  @ApiProperty({ example: 'VR-2025-0042' }) @IsString() @IsDisplayText() @Length(1, 200) reportReference: string;
  @ApiProperty({ enum: ['reasonable', 'limited'], description: '2.2.3: reasonable; a plan verification may be limited with a reason (3.2.3)' })
  @IsIn(['reasonable', 'limited'])
  assurance: 'reasonable' | 'limited';
  @ApiProperty({ enum: ['unqualified', 'qualified', 'adverse'] }) @IsIn(['unqualified', 'qualified', 'adverse']) opinion: 'unqualified' | 'qualified' | 'adverse';
  @ApiProperty({ type: VerifiedEmissionsDto }) @IsDefined() @ValidateNested() @Type(() => VerifiedEmissionsDto) verifiedEmissions: VerifiedEmissionsDto;
  @ApiProperty({ description: '2.2.2: the verification body declares it is independent of the applicant (must be true)' })
  @IsBoolean()
  independentOfApplicant: boolean;
}
