import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CLAIM_STATUSES, CLAIM_TYPES } from '@registry/ledger';


export class FindingResponse {
  @ApiProperty({ description: 'the rule id', example: 'CN-2.2.4' })
  rule: string;

  @ApiProperty({ enum: ['error', 'warning'], example: 'error' })
  severity: 'error' | 'warning';

  @ApiProperty({ example: 'credits retired cover 80 of the 100 t required' })
  message: string;
}

export class ClaimRetirementResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ description: 'a decimal string', example: '100' })
  quantity: string;

  @ApiProperty({ type: [String], example: ['JCL-ERL-R012-1000001-1000100'] })
  serials: string[];

  @ApiProperty({ format: 'date', example: '2026-04-01' })
  retiredOn: string;

  @ApiProperty({ example: 'RC-2026-000001' })
  certificateNumber: string;

  @ApiProperty({ enum: ['active', 'voided'] })
  status: 'active' | 'voided';
}

/**
 * The main members of a claim as GET /v1/claims/{id} answers it. The certification process adds
 * more (verification, recommendations, sanctions, withdrawal, renewal, changes): a client keeps what it does not know.
 */
export class ClaimResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: CLAIM_TYPES, example: 'CN' })
  type: string;

  @ApiProperty({ enum: CLAIM_STATUSES, example: 'draft' })
  status: string;

  @ApiProperty({ format: 'uuid' })
  applicantId: string;

  @ApiProperty({ type: String, nullable: true, description: 'the certification body assigned by the admin (null until then)' })
  certifierId: string | null;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'the claim as filed (its members depend on `type`, see POST /v1/claims)' })
  draft: Record<string, unknown>;

  @ApiProperty({ type: String, nullable: true, description: 'the rulebook the claim was judged by', example: 'CN-2024' })
  rulebookId: string | null;

  @ApiProperty({ format: 'date', example: '2026-04-01' })
  judgedOn: string;

  @ApiProperty({ description: 'tonnes to neutralise, a decimal string', example: '100' })
  requiredTonnes: string;

  @ApiProperty({ description: 'tonnes retired for the claim, a decimal string', example: '100' })
  retiredTonnes: string;

  @ApiProperty({ description: 'a decimal string', example: '100' })
  eligibleTonnes: string;

  @ApiProperty({ description: 'a decimal string', example: '0' })
  transitionalTonnes: string;

  @ApiProperty({ example: true })
  covered: boolean;

  @ApiProperty({ type: [FindingResponse] })
  findings: FindingResponse[];

  @ApiProperty({ type: [ClaimRetirementResponse], description: 'the retirements backing the claim' })
  retirements: ClaimRetirementResponse[];

  @ApiProperty({ type: String, nullable: true })
  certificationNumber: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date' })
  certifiedOn: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date' })
  validFrom: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date' })
  validTo: string | null;

  @ApiProperty({ type: String, nullable: true })
  statusReason: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  @ApiProperty({ type: String, nullable: true, format: 'date', description: 'CN-2.3.6-2 / CFP-art18: the day by which labels must be gone' })
  labelsRemovedBy: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'CFP art. 13: the number of an accepted notification' })
  notificationNumber?: string | null;

  @ApiProperty({ type: 'object', nullable: true, additionalProperties: true, description: 'CN 2.2: the verification, with its materiality check' })
  verification: Record<string, unknown> | null;

  @ApiPropertyOptional({ type: 'array', items: { type: 'object', additionalProperties: true }, description: 'CFP art. 10: shortfall to retire at each point' })
  trueUp?: Record<string, unknown>[];
}

/** A row of GET /v1/claims. */
export class ClaimSummaryResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: CLAIM_TYPES, example: 'CN' })
  type: string;

  @ApiProperty({ enum: CLAIM_STATUSES, example: 'certified' })
  status: string;

  @ApiProperty({ type: String, nullable: true, description: 'the boundary of a CN claim, the product of a CFP offset', example: '本社ビル 2025年度' })
  subject: string | null;

  @ApiProperty({ format: 'uuid' })
  applicantId: string;

  @ApiProperty({ type: String, nullable: true })
  certifierId: string | null;

  @ApiProperty({ description: 'a decimal string', example: '100' })
  requiredTonnes: string;

  @ApiProperty({ type: String, nullable: true })
  certificationNumber: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date' })
  certifiedOn: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date' })
  validFrom: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date' })
  validTo: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class ClaimProviderResponse {
  @ApiProperty({ format: 'uuid', example: '3d8f2a61-5b7c-4e09-a1d2-6f4b8c0e9a37' })
  claimId: string;

  @ApiProperty({ format: 'uuid', description: 'the offset provider organisation now authorised', example: '9a4c1e72-0d3b-4f6a-8e25-b7c9d1f03e48' })
  providerId: string;
}
