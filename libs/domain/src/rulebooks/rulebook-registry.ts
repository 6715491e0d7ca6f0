import { isIsoDate, type IsoDate } from './calendar';
import { CFP_RULEBOOK_V5_1 } from './cfp-rulebook-v5-1';
import { CN_PLAN_RULEBOOK_2011, CN_RULEBOOK_2011 } from './cn-rulebook-2011';
import { CN_PLAN_RULEBOOK_2013, CN_RULEBOOK_2013 } from './cn-rulebook-2013';
import { isInPeriod, type Program, type Rulebook, type RulebookFor } from './rulebook';

/** Finding rule when no rulebook of the program is in force on the date judged (not a rule of any standard). */
export const NO_RULEBOOK_RULE = 'RULEBOOK-NONE';

/**
 * An immutable set of rulebook versions. On a date, the rulebook in force for a program is the one
 * whose effective period contains the date; when several do (an old version without an end date and
 * a newer one), the one that took effect last supersedes the others.
 */
export class RulebookRegistry {
  private constructor(private readonly rulebooks: readonly Rulebook[]) {}

  static of(...rulebooks: Rulebook[]): RulebookRegistry {
    return rulebooks.reduce((registry, rulebook) => registry.with(rulebook), new RulebookRegistry([]));
  }

  /** A new registry with one more version; the receiver is unchanged. */
  with(rulebook: Rulebook): RulebookRegistry {
    const { from, to } = rulebook.effective;
    if (!isIsoDate(from) || (to !== undefined && (!isIsoDate(to) || to < from))) {
      throw new RangeError(`rulebook ${rulebook.id} has an invalid effective period ${from}..${to ?? ''}`);
    }
    if (this.rulebooks.some((r) => r.id === rulebook.id)) throw new RangeError(`rulebook ${rulebook.id} is already registered`);
    const clash = this.rulebooks.find((r) => r.program === rulebook.program && r.effective.from === from);
    if (clash) throw new RangeError(`rulebooks ${clash.id} and ${rulebook.id} of ${rulebook.program} both take effect on ${from}`);
    return new RulebookRegistry(Object.freeze([...this.rulebooks, rulebook]));
  }

  inForce<P extends Program>(program: P, on: IsoDate): RulebookFor<P> | undefined {
    let found: Rulebook | undefined;
    for (const rulebook of this.rulebooks) {
      if (rulebook.program !== program || !isInPeriod(rulebook.effective, on)) continue;
      if (!found || rulebook.effective.from > found.effective.from) found = rulebook;
    }
    return found as RulebookFor<P> | undefined;
  }

  /** The program's versions, oldest first. */
  versions<P extends Program>(program: P): readonly RulebookFor<P>[] {
    return this.rulebooks
      .filter((r): r is RulebookFor<P> => r.program === program)
      .sort((a, b) => (a.effective.from < b.effective.from ? -1 : 1));
  }

  byId(id: string): Rulebook | undefined {
    return this.rulebooks.find((r) => r.id === id);
  }
}

export const DEFAULT_RULEBOOK_REGISTRY = RulebookRegistry.of(
  CN_RULEBOOK_2011,
  CN_PLAN_RULEBOOK_2011,
  CN_RULEBOOK_2013,
  CN_PLAN_RULEBOOK_2013,
  CFP_RULEBOOK_V5_1,
);
