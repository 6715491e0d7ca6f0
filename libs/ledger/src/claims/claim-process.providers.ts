import { CertifierReviewQuery } from './certifier-review.query';
import { NotifyClaimChangeUseCase } from './notify-claim-change.use-case';
import { RecommendCorrectionUseCase } from './recommend-correction.use-case';
import { RecordVerificationUseCase } from './record-verification.use-case';

/** The use cases of the certification process (issue 16), registered with the ledger module. */
export const CLAIM_PROCESS_USE_CASES = [RecordVerificationUseCase, RecommendCorrectionUseCase, NotifyClaimChangeUseCase, CertifierReviewQuery];
