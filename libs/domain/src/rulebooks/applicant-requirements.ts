import { CFP_RULE_IDS } from './cfp-rulebook-v5-1';
import { judgingDate, type ApplicantDeclarations, type ClaimDraft } from './claim-draft';
import { CN_RULE_IDS } from './cn-standard-2011.rules';
import { FieldErrors } from './findings';
import { ruleFinding, type Finding, type Rulebook } from './rulebook';
import { chooseRulebook } from './rulebook-choice';
import { DEFAULT_RULEBOOK_REGISTRY, type RulebookRegistry } from './rulebook-registry';

/** The applicant organisation as the rules see it. */
export interface ApplicantFacts {
  readonly corporateNumber: string | null;
}

const DECLARATION_RULES = {
  CN: { field: 'independentOfCertifierAndVerifier', rule: CN_RULE_IDS.applicantIndependence, clause: 'CN 2.1.1 ②' },
  CN_PLAN: { field: 'independentOfCertifierAndVerifier', rule: CN_RULE_IDS.applicantIndependence, clause: 'CN 2.1.1 ② (3.1.1 ②)' },
  CFP: { field: 'notAntiSocialForce', rule: CFP_RULE_IDS.notAntiSocialForce, clause: 'CFP art. 5 ②' },
} as const;

/**
 * The applicant's own requirements when it files: its declaration must be given as a boolean
 * (400 VALIDATION_FAILED naming it otherwise); the findings (errors: 422 RULE_VIOLATION) cite
 * CN-2.1.1-1 when a CN or CN plan applicant has no corporate number (「法人格を有する者」), and
 * CN-2.1.1-2 / CFP-art5-2 when the declaration is false.
 */
export function checkApplicantRequirements(
  draft: ClaimDraft,
  applicant: ApplicantFacts,
  registry: RulebookRegistry = DEFAULT_RULEBOOK_REGISTRY,
): Finding[] {
  const declaration = DECLARATION_RULES[draft.type];
  const declarations = (draft as { declarations?: unknown }).declarations as Record<string, unknown> | undefined;
  const value = declarations?.[declaration.field];
  if (typeof value !== 'boolean') {
    const errors = new FieldErrors();
    errors.add(`declarations.${declaration.field}`, `is required: the applicant's declaration under ${declaration.clause} (true or false)`);
    errors.throwIfAny();
  }
  const rulebook: Rulebook | undefined = chooseRulebook(registry, draft.type, judgingDate(draft)).rulebook;
  if (!rulebook) return [];
  const findings: Finding[] = [];
  if (draft.type !== 'CFP' && rulebook.rules[CN_RULE_IDS.legalPersonality] && !applicant.corporateNumber) {
    findings.push(
      ruleFinding(rulebook, CN_RULE_IDS.legalPersonality, 'error', 'the applicant must be a legal entity (法人格を有する者): its organisation has no corporate number (法人番号)'),
    );
  }
  if (value === false && rulebook.rules[declaration.rule]) {
    findings.push(ruleFinding(rulebook, declaration.rule, 'error', `the applicant does not declare ${declaration.field} (${declaration.clause})`));
  }
  return findings;
}
