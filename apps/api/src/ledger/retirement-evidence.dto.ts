import { EvidenceDto } from './ledger.dto';

/** `POST /v1/retirements/{id}/evidence`: the managing registry's record of the cancellation, once. */
export class RecordEvidenceDto extends EvidenceDto {}
