import type { ClaimHistoryEntry, ReviewedClaim } from '@registry/ledger';
import { pageHref, type PageContext } from '../http/page-context';
import { Badge, groupDigits, statusTone } from './components';
import { ClaimRetirementsTable } from './claim-retirements';
import { Layout } from './layout';
import { ReviewDecisions, type RefusedDecision } from './review-decisions';
import { TableHead } from './table-head';

export interface ReviewClaimPageProps {
  page: PageContext;
  reviewed: ReviewedClaim;
  /** A decision's form that was refused: its messages and what was typed. */
  refused?: RefusedDecision;
}

interface Period {
  start?: string;
  end?: string;
}

/** The registry's calendar is Japan's (JST, no daylight saving): an instant as `YYYY-MM-DD HH:MM JST`. */
const japanTime = (instant: string) => `${new Date(Date.parse(instant) + 9 * 3600_000).toISOString().slice(0, 16).replace('T', ' ')} JST`;

const periodText = (period: Period | undefined) => (period ? `${period.start ?? ''} – ${period.end ?? ''}` : undefined);

/** One assigned claim as its certifier reviews it: the claim, its findings, verification, retirements, history and the decisions its state allows. */
export function ReviewClaimPage({ page, reviewed, refused }: ReviewClaimPageProps): string {
  const { t } = page;
  const r = t.review;
  const { claim, applicant } = reviewed;
  const draft = claim.draft as { boundary?: string; product?: { name?: string; cfpVerificationNumber?: string }; targetPeriod?: Period; planPeriod?: Period; period?: Period };
  const subject = draft.product?.name ?? draft.boundary ?? claim.id;
  const rows: [string, string | undefined][] = [
    [r.program, t.programs[claim.type] ?? claim.type],
    [r.applicant, applicant.name],
    [r.corporateNumber, applicant.corporateNumber ?? undefined],
    [r.subject, subject],
    [t.claim.cfpNumber, draft.product?.cfpVerificationNumber],
    [r.targetPeriod, periodText(draft.targetPeriod)],
    [r.planPeriod, periodText(draft.planPeriod)],
    [r.period, periodText(draft.period)],
    [r.requiredTonnes, t.common.tonnes(groupDigits(claim.requiredTonnes))],
    [r.retiredTonnes, t.common.tonnes(groupDigits(claim.retiredTonnes))],
    [r.covered, claim.covered ? r.coveredYes : r.coveredNo],
    [r.certificationNumber, claim.certificationNumber ?? undefined],
    [r.validity, claim.validFrom || claim.validTo ? `${claim.validFrom ?? ''} – ${claim.validTo ?? ''}` : undefined],
    [r.statusReason, claim.statusReason ?? undefined],
  ];
  return (
    <Layout page={page} title={r.claimTitle(subject)}>
      <p>
        <a href={pageHref(page, '/review', { status: claim.status })} safe>
          {r.backToQueue}
        </a>
      </p>
      <h1 safe>{r.claimTitle(subject)}</h1>
      <p class="claim-state">
        <span safe>{`${r.status}: `}</span>
        <Badge tone={statusTone(claim.status)} label={t.claimStatus[claim.status] ?? claim.status} />
      </p>
      <h2 safe>{r.details}</h2>
      <dl class="fields-list">
        {rows
          .filter((row): row is [string, string] => row[1] !== undefined && row[1] !== '')
          .map(([label, value]) => (
            <>
              <dt safe>{label}</dt>
              <dd safe>{value}</dd>
            </>
          ))}
      </dl>
      <Findings page={page} reviewed={reviewed} />
      <Verification page={page} reviewed={reviewed} />
      <Retirements page={page} reviewed={reviewed} />
      <Process page={page} reviewed={reviewed} />
      <History page={page} history={reviewed.history} />
      <ReviewDecisions page={page} reviewed={reviewed} refused={refused} />
    </Layout>
  ) as string;
}

function Findings({ page, reviewed }: { page: PageContext; reviewed: ReviewedClaim }): JSX.Element {
  const r = page.t.review;
  const findings = reviewed.claim.findings;
  return (
    <>
      <h2 safe>{r.findingsTitle}</h2>
      {findings.length === 0 ? (
        <p safe>{r.findingsEmpty}</p>
      ) : (
        <table class="stack findings">
          <caption safe>{r.findingsCaption}</caption>
          <TableHead columns={[r.rule, r.severity, r.message]} />
          <tbody>
            {findings.map((finding) => (
              <tr>
                <td data-label={r.rule} class="mono nowrap" safe>
                  {finding.rule}
                </td>
                <td data-label={r.severity}>
                  <Badge tone={finding.severity === 'error' ? 'bad' : finding.severity === 'warning' ? 'warn' : 'neutral'} label={r.severityNames[finding.severity] ?? finding.severity} />
                </td>
                <td data-label={r.message} safe>
                  {finding.message}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function Verification({ page, reviewed }: { page: PageContext; reviewed: ReviewedClaim }): JSX.Element {
  const r = page.t.review;
  const v = reviewed.claim.verification;
  if (reviewed.claim.type === 'CFP') return '';
  if (!v) {
    return (
      <>
        <h2 safe>{r.verificationTitle}</h2>
        <p safe>{r.verificationNone}</p>
      </>
    );
  }
  const m = v.materiality;
  const rows: [string, string][] = [
    [r.verifier, reviewed.verifierName ?? v.verifierId],
    [r.reportReference, v.reportReference],
    [r.assurance, v.assurance],
    [r.opinion, v.opinion],
    [r.verifiedOn, v.verifiedOn],
    ...(m ? ([[r.materiality, (m.withinMateriality ? r.materialityWithin : r.materialityOutside)(m.difference, m.threshold)]] as [string, string][]) : []),
  ];
  return (
    <>
      <h2 safe>{r.verificationTitle}</h2>
      <dl class="fields-list verification">
        {rows.map(([label, value]) => (
          <>
            <dt safe>{label}</dt>
            <dd safe>{value}</dd>
          </>
        ))}
      </dl>
    </>
  );
}

function Retirements({ page, reviewed }: { page: PageContext; reviewed: ReviewedClaim }): JSX.Element {
  const r = page.t.review;
  return (
    <>
      <h2 safe>{r.retirementsTitle}</h2>
      <ClaimRetirementsTable
        retirements={reviewed.claim.retirements}
        words={r}
        tableClass="retirements"
        certificateHref={(number) => `/verify/${encodeURIComponent(number)}?lang=${page.lang}`}
        retiredOnClass="nowrap"
      />
    </>
  );
}

/** Recommendations for correction and an open withdrawal request: what a sanction or an acceptance rests on. */
function Process({ page, reviewed }: { page: PageContext; reviewed: ReviewedClaim }): JSX.Element {
  const r = page.t.review;
  const { correctionRecommendations, withdrawalRequest } = reviewed.claim;
  if (correctionRecommendations.length === 0 && !withdrawalRequest) return '';
  return (
    <>
      <h2 safe>{r.processTitle}</h2>
      <dl class="fields-list process">
        {correctionRecommendations.map((recommendation) => (
          <>
            <dt safe>{r.recommendation(recommendation.dueOn ?? '', recommendation.recommendedOn)}</dt>
            <dd safe>{recommendation.reason ?? ''}</dd>
          </>
        ))}
        {withdrawalRequest ? (
          <>
            <dt safe>{r.withdrawalRequest(withdrawalRequest.requestedOn)}</dt>
            <dd safe>{withdrawalRequest.reason ?? ''}</dd>
          </>
        ) : (
          ''
        )}
      </dl>
    </>
  );
}

function History({ page, history }: { page: PageContext; history: ClaimHistoryEntry[] }): JSX.Element {
  const { t } = page;
  const r = t.review;
  const status = (s: string | null) => (s ? (t.claimStatus[s] ?? s) : '');
  const changeOf = (entry: ClaimHistoryEntry): string => (entry.from || entry.to ? `${status(entry.from)} → ${status(entry.to)}` : '');
  const who = (entry: ClaimHistoryEntry) => {
    if (entry.by.admin) return r.byAdmin;
    const org = entry.by.organizationName ?? '';
    if (entry.by.personEmail) return r.byPerson(org, entry.by.personEmail);
    return entry.by.viaApiKey ? r.byApiKey(org) : org;
  };
  return (
    <>
      <h2 id="history" safe>
        {r.historyTitle}
      </h2>
      <table class="stack history">
        <caption safe>{r.historyCaption}</caption>
        <TableHead columns={[r.when, r.step, r.change, r.reason, r.by]} />
        <tbody>
          {history.map((entry) => (
            <tr class={`history-${entry.step}`}>
              <td data-label={r.when} class="nowrap" safe>
                {japanTime(entry.recordedAt)}
              </td>
              <td data-label={r.step} safe>
                {[r.steps[entry.step] ?? entry.step, entry.ground ? r.grounds[entry.ground] ?? entry.ground : ''].filter(Boolean).join(' · ')}
              </td>
              <td data-label={r.change} safe>
                {changeOf(entry)}
              </td>
              <td data-label={r.reason} class="reason" safe>
                {[entry.reason ?? '', entry.dueOn ? `(${r.dueOn}: ${entry.dueOn})` : ''].filter(Boolean).join(' ')}
              </td>
              <td data-label={r.by} safe>
                {who(entry)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
