import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SCHEME_CODES } from '@registry/domain';

export class EvidenceResponse {
  @ApiProperty({ example: 'J-Credit registry' })
  registry: string;

  @ApiProperty({ example: 'MK-2026-000123' })
  reference: string;
}

export class RetirementVoidResponse {
  @ApiProperty({ example: 'entered in error: wrong beneficiary' })
  reason: string;

  @ApiProperty({ format: 'date-time', example: '2026-04-02T01:23:45.000Z' })
  at: string;
}

export class RetirementResponse {
  @ApiProperty({ format: 'uuid', example: '0b8f3c1e-6d0a-4f3e-9a55-2f1c7f0d9e11' })
  id: string;

  @ApiProperty({ enum: ['active', 'voided'], example: 'active' })
  status: 'active' | 'voided';

  @ApiProperty({ format: 'uuid', description: 'the organisation that retired the credits' })
  organizationId: string;

  @ApiProperty({ description: 'credits retired, a decimal string', example: '100' })
  quantity: string;

  @ApiProperty({ type: [String], description: 'canonical serials retired', example: ['JCL-ERL-R012-1000001-1000100'] })
  serials: string[];

  @ApiProperty({ format: 'date', description: 'the day in Japan the credits were retired', example: '2026-04-01' })
  retiredOn: string;

  @ApiProperty({ example: '株式会社サンプル' })
  beneficiary: string;

  @ApiProperty({ example: 'carbon neutral certification 2025' })
  purpose: string;

  @ApiProperty({ type: String, nullable: true, description: 'the claim these credits back' })
  claimId: string | null;

  @ApiProperty({ type: EvidenceResponse, nullable: true, description: "the managing registry's cancellation reference" })
  evidence: EvidenceResponse | null;

  @ApiProperty({ enum: ['pending', 'recorded'], description: "`pending` until the managing registry's reference is recorded", example: 'pending' })
  officialReference: 'pending' | 'recorded';

  @ApiPropertyOptional({ format: 'date-time' })
  evidenceRecordedAt?: string;

  @ApiProperty({ example: 'RC-2026-000001' })
  certificateNumber: string;

  @ApiProperty({ format: 'date-time', example: '2026-04-01T01:23:45.000Z' })
  createdAt: string;

  @ApiPropertyOptional({ type: RetirementVoidResponse, description: 'present once the retirement was voided' })
  void?: RetirementVoidResponse;
}

export class HoldingResponse {
  @ApiProperty({ format: 'uuid', example: '5a1d0f0e-2b7c-4c8e-8f39-0d4a2b6c7e10' })
  id: string;

  @ApiProperty({ enum: SCHEME_CODES, example: 'JCREDIT' })
  scheme: string;

  @ApiProperty({ description: 'registry family and constant part of the serial; overlaps are checked within it', example: 'JCREDIT_REGISTRY:JCL-ERL-R012' })
  namespace: string;

  @ApiProperty({ description: 'the canonical serial of the block', example: 'JCL-ERL-R012-1000001-1000500' })
  serial: string;

  @ApiProperty({ description: 'first serial number, a decimal string', example: '1000001' })
  start: string;

  @ApiProperty({ description: 'last serial number, a decimal string', example: '1000500' })
  end: string;

  @ApiProperty({ description: 'credits in the block, a decimal string', example: '500' })
  quantity: string;

  @ApiProperty({ enum: ['held'], example: 'held' })
  status: 'held';

  @ApiProperty({ format: 'uuid', description: 'the holding organisation' })
  ownerId: string;
}

export class HoldingTotalResponse {
  @ApiProperty({ enum: SCHEME_CODES, example: 'JCREDIT' })
  scheme: string;

  @ApiProperty({ type: 'integer', description: 'blocks held', example: 3 })
  blocks: number;

  @ApiProperty({ description: 'credits held, a decimal string', example: '1500' })
  quantity: string;
}

export class TransferResponse {
  @ApiProperty({ description: 'the canonical serial transferred', example: 'JCL-ERL-R012-1000001-1000100' })
  serial: string;

  @ApiProperty({ description: 'credits transferred, a decimal string', example: '100' })
  quantity: string;

  @ApiProperty({ format: 'uuid' })
  fromOrganizationId: string;

  @ApiProperty({ format: 'uuid' })
  toOrganizationId: string;

  @ApiProperty({ type: [HoldingResponse], description: 'the blocks the recipient now holds' })
  blocks: HoldingResponse[];
}

/** The held record POST /v1/holdings/{id}/void closed, as it was, with why. */
export class VoidedHoldingResponse extends HoldingResponse {
  @ApiProperty({ enum: [true], example: true })
  voided: true;

  @ApiProperty({ example: 'recorded twice by the 2026-03 statement import' })
  reason: string;
}
