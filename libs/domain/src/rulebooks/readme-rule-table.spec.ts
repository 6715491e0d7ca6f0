import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CERTIFICATION_PROCESS_RULES } from './certification-process';
import { RETIREMENT_EVIDENCE_RULE } from './retirement-evidence';
import { PROGRAMS } from './rulebook';
import { NOT_ENCODED_RULE } from './rulebook-choice';
import { DEFAULT_RULEBOOK_REGISTRY, NO_RULEBOOK_RULE } from './rulebook-registry';

/** The README's rule table ("Programs: CN, CN plan, CFP") must list exactly the rule ids the code defines. */
function readmeRuleIds(): string[] {
  const readme = readFileSync(join(__dirname, '../../../../README.md'), 'utf8');
  const start = readme.indexOf('| rule | meaning |');
  if (start < 0) throw new Error('README.md has no "| rule | meaning |" table');
  const rows = readme.slice(start).split('\n').slice(2);
  const table = rows.slice(0, rows.findIndex((line) => !line.startsWith('|')));
  return table.flatMap((row) => [...(row.split('|')[1] ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1]!));
}

function codeRuleIds(): string[] {
  const ids = new Set<string>([NO_RULEBOOK_RULE, NOT_ENCODED_RULE]);
  for (const program of PROGRAMS) for (const book of DEFAULT_RULEBOOK_REGISTRY.versions(program)) for (const id of Object.keys(book.rules)) ids.add(id);
  // The certification process (verification, sanctions, withdrawal) and the evidence rule apply across versions.
  for (const rule of CERTIFICATION_PROCESS_RULES) ids.add(rule.id);
  for (const id of Object.values(RETIREMENT_EVIDENCE_RULE)) ids.add(id);
  return [...ids];
}

describe('README rule table', () => {
  it('lists every rule id of every rulebook version, and no other', () => {
    const readme = readmeRuleIds();
    expect(new Set(readme).size).toBe(readme.length);
    expect([...readme].sort()).toEqual(codeRuleIds().sort());
  });
});
