import { overlappingPairs } from '@registry/domain';
import type { QueryRunner } from 'typeorm';

/**
 * Shared steps of the serial-identity migration (1764000000005, both dialects).
 *
 * J-Credit family namespaces used to start with the caller's scheme label (`REGIONAL_JCREDIT:JCL-…`),
 * so one printed serial could be held or retired once per label. They now start with the registry
 * (`JCREDIT_REGISTRY:JCL-…`), the namespace every other code and the schema key on.
 */
export const JCREDIT_FAMILY_SCHEMES = ['JVER', 'JCREDIT', 'REGIONAL_JCREDIT', 'PREF_JVER', 'DOMESTIC'];
export const JCREDIT_REGISTRY_PREFIX = 'JCREDIT_REGISTRY:';

const schemeList = JCREDIT_FAMILY_SCHEMES.map((s) => `'${s}'`).join(', ');

/** Old `<scheme>:<printed>` namespaces of the J-Credit family become `JCREDIT_REGISTRY:<printed>`. */
export const RENAME_JCREDIT_NAMESPACES = `UPDATE serial_blocks
  SET namespace = '${JCREDIT_REGISTRY_PREFIX}' || substr(namespace, length(scheme) + 2)
  WHERE scheme IN (${schemeList}) AND substr(namespace, 1, length(scheme) + 1) = scheme || ':'`;

/**
 * The same printed serials live twice (held or retired under two labels) cannot be merged without
 * losing a record, and must not be hidden: both rows stay live and are marked, so the schema keeps
 * them apart from the single-retirement guarantee and `ledger duplicates` lists them for an
 * administrator to void one. Only namespaces recorded under more than one scheme can hold such pairs
 * (within one scheme the old keys already kept live blocks apart).
 */
export async function markIdentityDuplicates(q: QueryRunner, trueValue: string): Promise<number> {
  const rows: { id: string; namespace: string; start_serial: string; end_serial: string }[] = await q.query(
    `SELECT id, namespace, CAST(start_serial AS TEXT) AS start_serial, CAST(end_serial AS TEXT) AS end_serial
     FROM serial_blocks
     WHERE closed_seq IS NULL AND namespace IN (
       SELECT namespace FROM serial_blocks WHERE closed_seq IS NULL GROUP BY namespace HAVING COUNT(DISTINCT scheme) > 1)`,
  );
  const blocks = rows.map((r) => ({ id: r.id, namespace: r.namespace, start: BigInt(r.start_serial), end: BigInt(r.end_serial) }));
  const marked = new Set(overlappingPairs(blocks).flatMap(([a, b]) => [a.id, b.id]));
  const placeholder = q.connection.options.type === 'postgres' ? '$1' : '?';
  for (const id of marked) await q.query(`UPDATE serial_blocks SET identity_duplicate = ${trueValue} WHERE id = ${placeholder}`, [id]);
  return marked.size;
}
