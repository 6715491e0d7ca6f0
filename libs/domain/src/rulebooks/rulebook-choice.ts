import type { IsoDate } from './calendar';
import type { Finding, Program, RulebookFor } from './rulebook';
import { RULEBOOK_PARAMETERS } from './rulebook-parameters';
import { NO_RULEBOOK_RULE, type RulebookRegistry } from './rulebook-registry';

/** Finding rule (a warning) when the version in force on the date is not encoded and an encoded one stands in. */
export const NOT_ENCODED_RULE = 'RULEBOOK-NOT-ENCODED';

export interface RulebookChoice<P extends Program> {
  readonly rulebook?: RulebookFor<P>;
  /** RULEBOOK-NOT-ENCODED (warning) when a stand-in judges; RULEBOOK-NONE (error) when nothing can. */
  readonly finding?: Finding;
}

/**
 * The rulebook that judges a claim or credit of `program` dated `on`: the version in force then; for
 * a date after the program began that no encoded version covers (a CFP notification under Ver.
 * 1.0–5.0), the nearest later encoded version, with a warning naming the version really in force;
 * before the program began, none (RULEBOOK-NONE).
 */
export function chooseRulebook<P extends Program>(registry: RulebookRegistry, program: P, on: IsoDate): RulebookChoice<P> {
  const inForce = registry.inForce(program, on);
  if (inForce) return { rulebook: inForce };
  // The nearest later version: what the program's rules became; an older encoded one that ended doesn't stand in.
  const earliest = registry.versions(program).find((v) => v.effective.from > on);
  const started = RULEBOOK_PARAMETERS.programStarts[program];
  if (earliest && on >= started) {
    return {
      rulebook: earliest,
      finding: {
        rule: NOT_ENCODED_RULE,
        severity: 'warning',
        message: `${versionInForce(program, on)} was in force on ${on} but is not encoded; judged by ${earliest.id}, the earliest encoded version (from ${earliest.effective.from})`,
      },
    };
  }
  return { finding: { rule: NO_RULEBOOK_RULE, severity: 'error', message: `no ${program} rulebook is in force on ${on}` } };
}

function versionInForce(program: Program, on: IsoDate): string {
  if (program !== 'CFP') return `the ${program} rulebook`;
  const version = [...RULEBOOK_PARAMETERS.cfpVersions].reverse().find((v) => v.from <= on);
  return version ? `CFP rules Ver. ${version.version} (from ${version.from})` : 'the CFP rules';
}
