import { ApiProperty } from '@nestjs/swagger';

export class RegisterHolderResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '株式会社サンプル' })
  name: string;

  @ApiProperty({ type: String, nullable: true, example: '1234567890123' })
  corporateNumber: string | null;
}

export class RegisterCreditResponse {
  @ApiProperty({ example: 'JCL-ERL-R012-1000001-1000100' })
  serial: string;

  @ApiProperty({ example: 'JCREDIT' })
  scheme: string;

  @ApiProperty({ example: 'J-クレジット' })
  schemeName: string;

  @ApiProperty({ description: 'a decimal string', example: '100' })
  quantity: string;

  @ApiProperty({ type: String, nullable: true, example: 'R012' })
  project: string | null;

  @ApiProperty({ type: String, nullable: true })
  projectType: string | null;

  @ApiProperty({ type: String, nullable: true })
  projectName: string | null;

  @ApiProperty({ type: String, nullable: true })
  projectRegion: string | null;

  @ApiProperty({ type: String, nullable: true })
  projectTypeName: string | null;

  @ApiProperty({ format: 'date', example: '2026-04-01' })
  retiredOn: string;

  @ApiProperty({ enum: ['retired', 'voided'], example: 'retired' })
  retirementStatus: 'retired' | 'voided';

  @ApiProperty({ description: 'CN table 3: retired in this ledger, or at its managing registry (with the evidence)' })
  retirementMethod: string;

  @ApiProperty({ example: 'RC-2026-000001' })
  certificateNumber: string;
}

/** A certified claim as the public register shows it (CN 2.3.2 disclosure items); more members may follow. */
export class RegisterEntryResponse {
  @ApiProperty({ example: 'CN-2026-0001' })
  certificationNumber: string;

  @ApiProperty({ enum: ['CN', 'CN_PLAN', 'CFP'], example: 'CN' })
  type: string;

  @ApiProperty({ description: 'certified, suspended, revoked, withdrawn or withdrawal_requested', example: 'certified' })
  status: string;

  @ApiProperty({ type: RegisterHolderResponse })
  holder: RegisterHolderResponse;

  @ApiProperty({ type: String, nullable: true, format: 'date' })
  certifiedOn: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date' })
  validFrom: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date' })
  validTo: string | null;

  @ApiProperty({ type: String, nullable: true })
  statusReason: string | null;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'the claim as filed: boundary, scopes, emissions, periods, base year (CN); product, CFP and quantity (CFP)' })
  disclosure: Record<string, unknown>;

  @ApiProperty({ description: 'a decimal string', example: '100' })
  requiredTonnes: string;

  @ApiProperty({ description: 'a decimal string', example: '100' })
  retiredTonnes: string;

  @ApiProperty({ type: [RegisterCreditResponse] })
  credits: RegisterCreditResponse[];

  @ApiProperty({ type: 'object', nullable: true, additionalProperties: true, description: 'CN tables 3 and 5; null for CFP' })
  emissionsDisclosure: Record<string, unknown> | null;

  @ApiProperty({ type: 'object', nullable: true, additionalProperties: true, description: 'the verification body (CN 2.2); null for CFP' })
  verificationBody: Record<string, unknown> | null;

  @ApiProperty({ type: String, nullable: true, format: 'date', description: 'CN-2.3.6-2, CFP-art18: labels and marks removed by this day' })
  labelsRemovedBy: string | null;
}
