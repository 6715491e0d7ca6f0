import type { OwnRetirement } from '@registry/ledger';
import { pageHref, type PageContext } from '../http/page-context';
import { attributeText, Badge, FieldError, groupDigits } from './components';
import { Layout } from './layout';

export interface EvidenceFormState {
  registry?: string;
  reference?: string;
  /** Per field, the DTO's refusal; `form`: a refusal of the whole form (already recorded, voided). */
  errors: { registry?: string; reference?: string; form?: string };
}

export interface RetirementPageProps {
  page: PageContext;
  own: OwnRetirement;
  evidenceForm?: EvidenceFormState;
}

/** One retirement of the person's organisation: what was retired, its certificate and the managing registry's record. */
export function RetirementPage({ page, own, evidenceForm }: RetirementPageProps): string {
  const { t } = page;
  const p = t.retirementPage;
  const { retirement } = own;
  const title = p.title(retirement.certificateNumber);
  const pending = retirement.officialReference === 'pending';
  return (
    <Layout page={page} title={title}>
      <h1 safe>{title}</h1>
      <p class="lead" safe>
        {p.lead}
      </p>
      {evidenceForm?.errors.form ? (
        <p class="alert" role="alert" id="evidence-error" safe>
          {evidenceForm.errors.form}
        </p>
      ) : (
        ''
      )}
      <dl class="fields-list retirement">
        <dt safe>{p.status}</dt>
        <dd>
          <Badge tone={retirement.status === 'active' ? 'ok' : 'bad'} label={t.retirements.statusNames[retirement.status] ?? retirement.status} />
        </dd>
        <dt safe>{p.certificate}</dt>
        <dd>
          <a class="mono certificate" href={pageHref(page, `/verify/${encodeURIComponent(retirement.certificateNumber)}`)} safe>
            {retirement.certificateNumber}
          </a>{' '}
          <span class="note" safe>
            {p.certificateLink}
          </span>
        </dd>
        <dt safe>{p.retiredOn}</dt>
        <dd safe>{retirement.retiredOn}</dd>
        <dt safe>{p.quantity}</dt>
        <dd class="num-text" safe>
          {groupDigits(retirement.quantity)}
        </dd>
        <dt safe>{p.beneficiary}</dt>
        <dd class="beneficiary" safe>
          {retirement.beneficiary}
        </dd>
        <dt safe>{p.purpose}</dt>
        <dd safe>{retirement.purpose}</dd>
        {retirement.claimId ? (
          <>
            <dt safe>{p.claim}</dt>
            <dd class="mono" safe>
              {retirement.claimId}
            </dd>
          </>
        ) : (
          ''
        )}
        <dt safe>{p.serials}</dt>
        <dd class="mono serials">
          {retirement.serials.map((serial) => (
            <span class="serial" safe>
              {serial}
            </span>
          ))}
        </dd>
        <dt safe>{p.reference}</dt>
        <dd class="reference">
          <Badge tone={pending ? 'warn' : 'ok'} label={pending ? p.referencePending : p.referenceRecorded} />{' '}
          {retirement.evidence ? <span safe>{`${retirement.evidence.registry} ${retirement.evidence.reference}`}</span> : ''}
        </dd>
      </dl>
      {pending && retirement.status === 'active' && own.retiredByActor ? <EvidenceForm page={page} retirementId={retirement.id} state={evidenceForm} /> : ''}
      {pending && !own.retiredByActor ? (
        <p class="note" safe>
          {p.onlyRetirer}
        </p>
      ) : (
        ''
      )}
      <p>
        <a href={pageHref(page, '/retirements')} safe>
          {p.back}
        </a>
      </p>
    </Layout>
  ) as string;
}

function EvidenceForm({ page, retirementId, state }: { page: PageContext; retirementId: string; state?: EvidenceFormState }): JSX.Element {
  const p = page.t.retirementPage;
  const r = page.t.retire;
  const errors = state?.errors ?? {};
  return (
    <form class="attach-evidence" method="post" action={pageHref(page, `/retirements/${encodeURIComponent(retirementId)}/evidence`)} aria-labelledby="attach-title">
      <input type="hidden" name="_csrf" value={page.account?.csrfToken} />
      <h2 id="attach-title" safe>
        {p.attachTitle}
      </h2>
      <p class="hint" safe>
        {p.attachLead}
      </p>
      <div class="fields">
        <div class="field">
          <label for="registry" safe>
            {r.evidenceRegistry}
          </label>
          <input type="text" id="registry" name="registry" value={attributeText(state?.registry)} required maxlength="200" aria-invalid={errors.registry ? 'true' : undefined} aria-describedby={errors.registry ? 'registry-error' : undefined} />
          <FieldError id="registry-error" message={errors.registry} />
        </div>
        <div class="field">
          <label for="reference" safe>
            {r.evidenceReference}
          </label>
          <input type="text" id="reference" name="reference" value={attributeText(state?.reference)} required maxlength="200" aria-invalid={errors.reference ? 'true' : undefined} aria-describedby={errors.reference ? 'reference-error' : undefined} />
          <FieldError id="reference-error" message={errors.reference} />
        </div>
      </div>
      <div class="actions">
        <button type="submit" safe>
          {p.attach}
        </button>
      </div>
    </form>
  );
}
