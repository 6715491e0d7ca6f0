import { Injectable } from '@nestjs/common';
import type { ReconciliationLine } from './reconciliation-ports';

/**
 * Hook for the `reconciliation.alert` webhook event (a later issue): called with each batch of
 * alert lines once they are stored. The default does nothing; the webhooks module will provide
 * its own implementation under this class as the token.
 */
@Injectable()
export class ReconciliationAlertListener {
  async alertsRaised(_reconciliation: { id: string; organizationId: string | null; scopeOrganizationId: string | null }, _alerts: readonly ReconciliationLine[]): Promise<void> {}
}
