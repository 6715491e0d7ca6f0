import { compare, formatDecimal, readDecimal } from './decimal';
import { CN_RULE_IDS as R } from './cn-standard-2011.rules';
import type { CnEmissions } from './required-tonnes';
import { ruleFinding, type CnPlanRulebook, type CnRulebook, type Finding } from './rulebook';

/**
 * CN-2.1.5-supplied: what the applicant generates and supplies to others as electricity, heat or
 * steam is direct emission (seed 003 「直接的な温室効果ガス排出量」), so it can take out at most scope 1.
 * Malformed figures are the field checks' matter.
 */
export function checkSuppliedToOthers(emissions: CnEmissions, rulebook: CnRulebook | CnPlanRulebook): Finding[] {
  if (!rulebook.rules[R.suppliedToOthers] || emissions.suppliedToOthers === undefined) return [];
  const supplied = readDecimal(emissions.suppliedToOthers);
  const scope1 = readDecimal(emissions.scope1);
  if (!supplied.ok || !scope1.ok || compare(supplied.value, scope1.value) <= 0) return [];
  return [
    ruleFinding(
      rulebook,
      R.suppliedToOthers,
      'error',
      `suppliedToOthers (${formatDecimal(supplied.value)} t) exceeds scope 1 (${formatDecimal(scope1.value)} t): only direct emissions of what is supplied to others can be left out`,
    ),
  ];
}
