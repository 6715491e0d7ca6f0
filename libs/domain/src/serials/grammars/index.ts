import type { SerialGrammarId } from '../../schemes/scheme-catalog';
import type { SerialGrammar } from '../parsed-serial';
import { cercarbonoGrammar } from './cercarbono.grammar';
import { goldStandardGrammar } from './gold-standard.grammar';
import { greenGrammar } from './green.grammar';
import { jcreditGrammar } from './jcredit.grammar';
import { kyotoGrammar } from './kyoto.grammar';
import { toRangeGrammar } from './to-range.grammar';
import { verraGrammar } from './verra.grammar';

/**
 * Detection order. The `looksLike` shapes are exclusive except that J-Credit's two-to-four letters
 * also cover the green (GP-, GH-, GEQ-) and APX (ACR-, CAR-, ART-, FCPF-) prefixes, so those come first.
 */
export const SERIAL_GRAMMARS: readonly SerialGrammar[] = [
  kyotoGrammar,
  greenGrammar,
  toRangeGrammar,
  jcreditGrammar,
  verraGrammar,
  goldStandardGrammar,
  cercarbonoGrammar,
];

const GRAMMARS_BY_ID: ReadonlyMap<SerialGrammarId, SerialGrammar> = new Map(SERIAL_GRAMMARS.map((g) => [g.id, g]));

export function grammarById(id: SerialGrammarId): SerialGrammar {
  return GRAMMARS_BY_ID.get(id)!;
}

export function detectGrammar(text: string): SerialGrammar | undefined {
  for (const grammar of SERIAL_GRAMMARS) {
    if (grammar.looksLike(text)) return grammar;
  }
  return undefined;
}
