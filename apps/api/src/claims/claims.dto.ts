import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { Allow, ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { IsDisplayText } from '../http/is-display-text';
import { CreditProjectDto } from './disclosure.dto';

// Shapes only: formats (dates, decimals) and the programs' rules are checked by the rulebooks,
// which name every bad field (400 VALIDATION_FAILED) or cite the rule (RULE_VIOLATION).

export class PeriodDto {
  @ApiProperty({ example: '2024-04-01' }) @IsString() start: string;
  @ApiProperty({ example: '2025-03-31' }) @IsString() end: string;
}

export class EmissionsDto {
  @ApiProperty({ example: '1200.5', description: 't-CO2e, decimal string' }) @IsString() scope1: string;
  @ApiProperty({ example: '800' }) @IsString() scope2: string;
  @ApiPropertyOptional({ example: '300' }) @IsOptional() @IsString() scope3?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() includeScope3?: boolean;
  @ApiPropertyOptional({ example: '0' }) @IsOptional() @IsString() suppliedToOthers?: string;
}

export class ProductDto {
  @ApiProperty({ example: 'ボールペン' }) @IsString() @IsDisplayText() @Length(1, 300) name: string;
  @ApiProperty({ example: 'CV-AB01-001' }) @IsString() @IsDisplayText() @Length(1, 100) cfpVerificationNumber: string;
}

export class PartialOffsetDto {
  @ApiProperty({ example: '1.25', description: 'CFP of the stages up to manufacture (product) or provision/use (service), kg per unit' })
  @IsString()
  stageCfpPerUnitKg: string;
}

export class PlannedRetirementDto {
  @ApiProperty({ example: 'JCREDIT' }) @IsString() scheme: string;
  @ApiProperty({ example: '15' }) @IsString() tonnes: string;
  @ApiProperty({ example: '2025-09-30', description: 'retired by this date, within the plan period' }) @IsString() by: string;
}

export class CfpPlannedRetirementDto {
  @ApiProperty({ example: '2', description: 't-CO2e, decimal string, more than 0' }) @IsString() tonnes: string;
  @ApiProperty({ example: '2026-06-30', description: 'retired by this date' }) @IsString() by: string;
}

export class CfpImplementationPlanDto {
  @ApiProperty({ type: [CfpPlannedRetirementDto] })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => CfpPlannedRetirementDto)
  retirements: CfpPlannedRetirementDto[];
}

export class DeclarationsDto {
  @ApiPropertyOptional({ description: 'CN and CN plan, required: independent of the certification body and the verifier, no interest in them (CN-2.1.1-2)' })
  @IsOptional()
  @IsBoolean()
  independentOfCertifierAndVerifier?: boolean;
  @ApiPropertyOptional({ description: 'CFP, required: not an anti-social force and no relation with one (CFP-art5-2)' })
  @IsOptional()
  @IsBoolean()
  notAntiSocialForce?: boolean;
}

export class CreateClaimDto {
  @ApiProperty({ enum: ['CN', 'CN_PLAN', 'CFP'] }) @IsIn(['CN', 'CN_PLAN', 'CFP']) type: 'CN' | 'CN_PLAN' | 'CFP';
  @ApiPropertyOptional({ type: DeclarationsDto, description: "the applicant's declarations, recorded with the claim: 400 when missing, 422 RULE_VIOLATION when false" })
  @IsOptional()
  @ValidateNested()
  @Type(() => DeclarationsDto)
  declarations?: DeclarationsDto;
  @ApiPropertyOptional({ description: 'the calling organisation (default); required when the admin files the claim' }) @IsOptional() @IsString() applicantId?: string;
  @ApiPropertyOptional({
    example: '2012-03-01',
    description: 'admin only (400 from any other key): the day an application made before the registry existed was received; default today (Japan time)',
  })
  @IsOptional()
  @IsString()
  receivedOn?: string;
  @ApiPropertyOptional({ example: '本社及び国内全事業所' }) @IsOptional() @IsString() @IsDisplayText() @Length(1, 2000) boundary?: string;
  @ApiPropertyOptional({ type: PeriodDto }) @IsOptional() @ValidateNested() @Type(() => PeriodDto) targetPeriod?: PeriodDto;
  @ApiPropertyOptional({ oneOf: [{ type: 'integer' }, { type: 'array', items: { type: 'integer' } }], example: 2005, description: 'Japanese fiscal year (or a list of years for an average)' }) @IsOptional() @Allow() baseYear?: number | number[];
  @ApiPropertyOptional({ type: EmissionsDto }) @IsOptional() @ValidateNested() @Type(() => EmissionsDto) emissions?: EmissionsDto;
  @ApiPropertyOptional({ type: PeriodDto }) @IsOptional() @ValidateNested() @Type(() => PeriodDto) planPeriod?: PeriodDto;
  @ApiPropertyOptional({ example: '2024-03-01', description: 'declared by the applicant and recorded; no rule uses it (the rules count from receivedOn)' })
  @IsOptional()
  @IsString()
  applicationDate?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() cnApplicationDate?: string;
  @ApiPropertyOptional({ type: [PlannedRetirementDto], description: 'CN plan: how and when credits will be retired (CNP-3.1.5)' })
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => PlannedRetirementDto)
  plannedRetirements?: PlannedRetirementDto[];
  @ApiPropertyOptional({ description: 'CN: the certified CN plan this claim follows' }) @IsOptional() @IsString() planClaimId?: string;
  @ApiPropertyOptional({ type: ProductDto }) @IsOptional() @ValidateNested() @Type(() => ProductDto) product?: ProductDto;
  @ApiPropertyOptional({ example: '2.5' }) @IsOptional() @IsString() cfpPerUnitKg?: string;
  @ApiPropertyOptional({ example: '10000' }) @IsOptional() @IsString() quantity?: string;
  @ApiPropertyOptional({ type: PeriodDto }) @IsOptional() @ValidateNested() @Type(() => PeriodDto) period?: PeriodDto;
  @ApiPropertyOptional({ type: PartialOffsetDto }) @IsOptional() @ValidateNested() @Type(() => PartialOffsetDto) partial?: PartialOffsetDto;
  @ApiPropertyOptional({
    type: CfpImplementationPlanDto,
    description: 'CFP art. 9 ③: credits still to be retired, with amounts and dates (CFP-art9-3); submit then needs no full coverage, and each planned retirement is due by its date (CFP-art10-3)',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => CfpImplementationPlanDto)
  implementationPlan?: CfpImplementationPlanDto;

  // Disclosure items published in the register (CN tables 3 and 5, CFP art. 14).
  @ApiPropertyOptional({ example: '燃料使用量×排出係数（算定・報告・公表制度）', description: 'calculation methods of the emissions' })
  @IsOptional() @IsString() @IsDisplayText() @Length(1, 4000) calculationMethod?: string;
  @ApiPropertyOptional({ example: '照明のLED化、空調更新', description: 'reduction measures / efforts' })
  @IsOptional() @IsString() @IsDisplayText() @Length(1, 4000) reductionMeasures?: string;
  @ApiPropertyOptional({ example: 'ウェブサイト及び製品パッケージに表示', description: 'use of the CN label / CFP offset mark' })
  @IsOptional() @IsString() @IsDisplayText() @Length(1, 2000) labelUse?: string;
  @ApiPropertyOptional({ example: '2150.5', description: 'CN tables 3 and 5: emissions of the base year, t-CO2e (decimal string)' })
  @IsOptional() @IsString() @Matches(/^\d{1,30}(\.\d{1,18})?$/, { message: 'baseYearEmissions must be a decimal string such as "12.5"' }) baseYearEmissions?: string;
  @ApiPropertyOptional({ example: '都市ガス（ボイラー）、購入電力', description: 'CN tables 3 and 5: the emission sources within the scope' })
  @IsOptional() @IsString() @IsDisplayText() @Length(1, 4000) emissionSources?: string;
  @ApiPropertyOptional({ type: [CreditProjectDto], description: 'CN tables 3 and 5, CFP art. 14: the credits\' projects in words' })
  @IsOptional() @IsArray() @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => CreditProjectDto) creditProjects?: CreditProjectDto[];
}

export class ReasonDto {
  @ApiProperty({ example: 'verification found understated scope 1 emissions' }) @IsString() @IsDisplayText() @Length(1, 1000) reason: string;
}

export class CertifyDto {
  @ApiPropertyOptional({ example: '2026-12-01', description: 'CN: required, within 6 months of certification (CN-2.3.3-1); a CN plan has effect over its plan period (CNP-3.3.2): omit' })
  @IsOptional()
  @IsString()
  validFrom?: string;
  @ApiPropertyOptional({ example: '2027-11-30', description: 'CN: required, at most 1 year after validFrom (CN-2.3.3-1); a CN plan: omit (CNP-3.3.2)' })
  @IsOptional()
  @IsString()
  validTo?: string;
  @ApiPropertyOptional({ description: 'CN plan: allow this applicant another plan (CNP-3.1.6)' }) @IsOptional() @IsBoolean() allowAdditionalPlan?: boolean;
}

export class AuthorizeProviderDto {
  @ApiProperty({ format: 'uuid' }) @IsString() providerId: string;
}

export class ActualPointDto {
  @ApiProperty({ example: '2025-03-31' }) @IsString() date: string;
  @ApiProperty({ example: '12000', description: 'units sold or provided in the reporting period' }) @IsString() quantity: string;
}

export class ReportActualsDto {
  @ApiProperty({ type: [ActualPointDto] }) @IsArray() @ValidateNested({ each: true }) @Type(() => ActualPointDto) points: ActualPointDto[];
}

export class AssignCertifierDto {
  @ApiProperty({ format: 'uuid', description: 'an organisation with the certifier role that is not the applicant (CN 2.1.1 ②)' })
  @IsString()
  organizationId: string;
}
