import type { LogVerification } from '@registry/domain';
import { pageHref, type PageContext } from '../http/page-context';
import { groupDigits } from './components';
import { Layout } from './layout';
import type { CheckpointView } from './log';

export interface LedgerPageProps {
  page: PageContext;
  head: { sequence: number; hash: string };
  checkpoint: CheckpointView;
  /** The verification just run, when the button was pressed. */
  verification?: LogVerification;
}

/** An auditor's view of the ledger: its head, the latest checkpoint, and a button that verifies the whole log. */
export function LedgerPage({ page, head, checkpoint, verification }: LedgerPageProps): string {
  const { t } = page;
  const l = t.ledger;
  return (
    <Layout page={page} title={l.title}>
      <h1 safe>{l.title}</h1>
      <p class="lead" safe>
        {l.lead}
      </p>
      {verification ? (
        <section aria-labelledby="result-h" class="verification">
          <h2 id="result-h" safe>
            {l.resultTitle}
          </h2>
          <p class={verification.ok ? 'alert ok' : 'alert'} role="status" safe>
            {verification.ok ? l.ok(groupDigits(String(verification.checked))) : l.bad(String(verification.firstBadSequence ?? '?'))}
          </p>
          {verification.problem ? (
            <p class="note" lang="en" safe>
              {verification.problem}
            </p>
          ) : (
            ''
          )}
        </section>
      ) : (
        ''
      )}
      <p>
        <a class="bulk-check-link" href={pageHref(page, '/checks')} safe>
          {t.bulkCheck.ledgerLink}
        </a>
      </p>
      <form method="post" action={pageHref(page, '/ledger/verify')} class="verify-ledger">
        <input type="hidden" name="_csrf" value={page.account?.csrfToken ?? ''} />
        <button type="submit" safe>
          {l.verify}
        </button>
      </form>
      <h2 safe>{l.head}</h2>
      <dl class="fields-list">
        <dt safe>{l.sequence}</dt>
        <dd class="head-sequence" safe>
          {groupDigits(String(head.sequence))}
        </dd>
        <dt safe>{l.rootHash}</dt>
        <dd class="mono head-hash" safe>
          {head.hash}
        </dd>
      </dl>
      <h2 id="checkpoint-h" safe>
        {l.checkpoint}
      </h2>
      <pre class="note-text" aria-labelledby="checkpoint-h" tabindex="0" safe>
        {checkpoint.note}
      </pre>
    </Layout>
  ) as string;
}
