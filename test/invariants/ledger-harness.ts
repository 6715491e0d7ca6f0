import type { Actor } from '@registry/ledger/actor';
import { JournalQueries } from '@registry/ledger/journal/journal.queries';
import { LogSequencer } from '@registry/ledger/log/log-sequencer';
import { RegisterHoldingUseCase } from '@registry/ledger/holdings/register-holding.use-case';
import { CreateOrganizationUseCase } from '@registry/ledger/organizations/create-organization.use-case';
import { RetireCreditsUseCase } from '@registry/ledger/retirements/retire-credits.use-case';
import { VoidRetirementUseCase } from '@registry/ledger/retirements/void-retirement.use-case';
import { SerialStatusQuery } from '@registry/ledger/status/serial-status.query';
import { TransferSerialsUseCase } from '@registry/ledger/transfers/transfer-serials.use-case';
import type { CertificateSigner, UnitOfWork } from '@registry/ledger/ports';
import { createUnitOfWork, FileKeyRing, LocalSequencerLease, openDatabase } from '@registry/persistence';
import { JobQueue, type QueueHealth } from '@registry/jobs';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import {
  CERTS,
  cellKey,
  describeCell,
  describeOutcome,
  LedgerModel,
  MAX_SERIAL,
  namespaceOf,
  ORG_COUNT,
  readSerialText,
  resolveCommand,
  resolvePick,
  serialNumbers,
  type Cert,
  type Command,
  type GeneratedCommand,
  type Label,
  type ModelMutation,
  type Outcome,
} from './ledger-model';

type OrgActor = Extract<Actor, { kind: 'organization' }>;
const ADMIN: Actor = { kind: 'admin' };
/** Sees holders in status answers; needs no row (viewers are not foreign keys). */
const LIMITS = { maxBlockQuantity: 1_000_000_000n };
const AUDITOR: Actor = { kind: 'organization', organizationId: 'auditor-viewer', roles: ['auditor'], apiKeyId: 'auditor-key' };

/**
 * Who asks for a status: the answer redacts holders by viewer, then merges the neighbours that
 * viewer cannot tell apart, so each viewer gets its own segments.
 */
export type Viewer = { kind: 'auditor' } | { kind: 'anonymous' } | { kind: 'holder'; org: number };
export const VIEWERS: readonly Viewer[] = [{ kind: 'auditor' }, { kind: 'anonymous' }, { kind: 'holder', org: 0 }];
const describeViewer = (v: Viewer) => (v.kind === 'holder' ? `org${v.org}` : v.kind);
/** Which holders a viewer may see (the model's side of the redaction rule). */
export const seesHolder = (v: Viewer) => (owner: number) => v.kind === 'auditor' || (v.kind === 'holder' && v.org === owner);
const EVIDENCE = { registry: 'J-Credit registry', reference: 'MUKOUKA-0001' };

/** The ledger's invariants do not depend on jobs; certificate PDFs are another test's subject. */
class JobsNotUnderTest extends JobQueue {
  async enqueue(): Promise<void> {}
  async health(): Promise<QueueHealth> {
    return { ok: true, mode: 'in-process', failed: 0 };
  }
}
const JOBS_NOT_UNDER_TEST = new JobsNotUnderTest();

/** The real ledger on a fresh SQLite file, driven by the use cases (no Nest container). */
const HARNESS_CONFIG = { logOrigin: 'localhost/log' };

export class RealLedger {
  readonly orgIds: string[] = [];
  /** Ids returned by successful retirements, in order: index k is the model's retirement #k. */
  readonly retirementIds: string[] = [];
  /** The canonical serial texts each returned retirement asked for. */
  readonly requested = new Map<string, string[]>();
  /** Ids whose void succeeded. */
  readonly voided = new Set<string>();
  successes = 0;
  /** Journal sequence after setup (creating the organisations may journal too). */
  baseSequence = 0;

  private constructor(
    readonly dataSource: DataSource,
    private readonly dir: string,
    private readonly uow: UnitOfWork,
    private readonly signer: CertificateSigner = new FileKeyRing(join(dir, 'keys')),
  ) {}

  static async open(): Promise<RealLedger> {
    const dir = mkdtempSync(join(tmpdir(), 'ledger-model-'));
    try {
      const dataSource = await openDatabase({ engine: 'sqlite', sqlitePath: join(dir, 'ledger.sqlite') });
      const ledger = new RealLedger(dataSource, dir, createUnitOfWork(dataSource));
      const create = new CreateOrganizationUseCase(ledger.uow);
      for (let i = 0; i < ORG_COUNT; i++) ledger.orgIds.push((await create.execute({ name: `Org ${i}`, roles: ['provider'] })).id);
      ledger.baseSequence = (await ledger.journalHead()).sequence;
      return ledger;
    } catch (error) {
      rmSync(dir, { recursive: true, force: true });
      throw error;
    }
  }

  async close(): Promise<void> {
    try {
      if (this.dataSource.isInitialized) await this.dataSource.destroy();
    } finally {
      rmSync(this.dir, { recursive: true, force: true });
    }
  }

  private actor(org: number): OrgActor {
    return { kind: 'organization', organizationId: this.orgIds[org], roles: ['provider'], apiKeyId: `key-${org}` };
  }

  /** Runs the command; answers success or the DomainError code. Any other error is a failure of the run. */
  async apply(command: Command): Promise<Outcome> {
    try {
      const outcome = await this.execute(command);
      this.successes++;
      return outcome;
    } catch (error) {
      const e = error as { name?: string; code?: unknown; message?: string; details?: Record<string, unknown> };
      if (e?.name === 'DomainError' && typeof e.code === 'string') return { ok: false, code: e.code, details: e.details ?? {} };
      throw new Error(`${JSON.stringify(command)} threw a non-domain error: ${e?.message ?? String(error)}`);
    }
  }

  private async execute(command: Command): Promise<Outcome> {
    switch (command.op) {
      case 'register':
        await new RegisterHoldingUseCase(this.uow, LIMITS).execute({
          actor: this.actor(command.org),
          serial: command.serial,
          ...scheme(command.label),
          evidence: EVIDENCE,
        });
        return { ok: true };
      case 'transfer':
        await new TransferSerialsUseCase(this.uow).execute({
          actor: this.actor(command.org),
          serial: command.serial,
          ...scheme(command.label),
          toOrganizationId: command.to === 'ghost' ? randomUUID() : this.orgIds[command.to],
        });
        return { ok: true };
      case 'retire': {
        const { result } = await new RetireCreditsUseCase(this.uow, this.signer, JOBS_NOT_UNDER_TEST, LIMITS).execute({
          actor: this.actor(command.org),
          serials: command.serials,
          ...scheme(command.label),
          beneficiary: 'Model Test Co.',
          purpose: 'property-based model test',
          ...(command.evidence ? { evidence: EVIDENCE } : {}),
        });
        const asked = command.serials.map(readSerialText).reduce((sum, s) => sum + s.end - s.start + 1, 0);
        if (result.quantity !== String(asked)) {
          throw new Error(`retirement ${result.id} reports quantity ${result.quantity}; the request asked for ${asked} serials`);
        }
        const canonical = command.serials.map((text) => {
          const s = readSerialText(text);
          return `JCL-ERL-${s.cert}-${s.start}-${s.end}`;
        });
        if (JSON.stringify(result.serials) !== JSON.stringify(canonical)) {
          throw new Error(`retirement ${result.id} reports serials ${JSON.stringify(result.serials)}; expected the canonical ${JSON.stringify(canonical)}`);
        }
        this.requested.set(result.id, command.serials);
        return { ok: true, retirement: this.retirementIds.push(result.id) - 1 };
      }
      case 'void': {
        const index = resolvePick(command.pick, this.retirementIds.length);
        const id = index === null ? randomUUID() : this.retirementIds[index];
        const view = await new VoidRetirementUseCase(this.uow, JOBS_NOT_UNDER_TEST).execute(ADMIN, id, 'entered in error (model test)');
        if (view.id !== id || view.status !== 'voided') throw new Error(`void of ${id} answered ${JSON.stringify(view)}`);
        this.voided.add(id);
        return { ok: true };
      }
    }
  }

  /** Every serial of the universe, described as the status query reports it to `viewer` (keys as cellKey). */
  async statuses(viewer: Viewer = { kind: 'auditor' }): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const cert of CERTS) for (const [key, text] of await this.statusOf(`JCL-ERL-${cert}-0-${MAX_SERIAL}`, viewer)) out.set(key, text);
    return out;
  }

  private viewerActor(viewer: Viewer): Actor | undefined {
    return viewer.kind === 'auditor' ? AUDITOR : viewer.kind === 'holder' ? this.actor(viewer.org) : undefined;
  }

  /**
   * The serials of one range as the status query reports them to `viewer`. Throws unless the
   * answer names the canonical range and its segments cover it exactly, in order, with no two
   * neighbours that look alike (those must come merged into one).
   */
  async statusOf(serial: string, viewer: Viewer = { kind: 'auditor' }): Promise<Map<string, string>> {
    const { cert, start: first, end: last } = readSerialText(serial);
    const status = await new SerialStatusQuery(this.uow).execute(serial, this.viewerActor(viewer));
    const canonical = `JCL-ERL-${cert}-${first}-${last}`;
    if (status.serial !== canonical || status.start !== String(first) || status.end !== String(last)) {
      throw new Error(`status of ${serial} answers serial ${status.serial} ${status.start}-${status.end}; expected ${canonical}`);
    }
    const out = new Map<string, string>();
    let cursor = first;
    for (const segment of status.segments) {
      const [start, end] = [Number(segment.start), Number(segment.end)];
      if (start !== cursor || end < start) {
        throw new Error(`status of ${serial}: segment ${start}-${end} does not start at ${cursor} (segments must cover the range exactly, in order)`);
      }
      cursor = end + 1;
      const text =
        segment.status === 'held'
          ? segment.holderId === undefined
            ? 'held'
            : `held by ${this.orgLabel(segment.holderId)}`
          : segment.status === 'retired'
            ? `retired by ${this.retirementLabel(segment.retirementId)}`
            : 'unknown';
      for (let n = start; n <= end; n++) out.set(cellKey(cert, n), text);
    }
    if (cursor !== last + 1) throw new Error(`status of ${serial}: segments end at ${cursor - 1}, not ${last}`);
    const lookalikes = firstLookalikeNeighbours(status.segments);
    if (lookalikes) {
      const [a, b] = lookalikes.map((segment) => JSON.stringify(segment));
      throw new Error(`status of ${serial} as ${describeViewer(viewer)}: neighbours ${a} and ${b} look alike; they must be one segment`);
    }
    return out;
  }

  orgLabel(id: string | null | undefined): string {
    const i = id ? this.orgIds.indexOf(id) : -1;
    return i >= 0 ? `org${i}` : `unknown org ${id}`;
  }

  retirementLabel(id: string | null | undefined): string {
    const i = id ? this.retirementIds.indexOf(id) : -1;
    return i >= 0 ? `#${i}` : `never-returned retirement ${id}`;
  }

  /** serial_blocks rows, straight from the table (independent of the stores). */
  async blockRows(): Promise<BlockRow[]> {
    const rows: RawBlockRow[] = await this.dataSource.query(
      `SELECT id, scheme, namespace, CAST(start_serial AS TEXT) AS s, CAST(end_serial AS TEXT) AS e, status, owner_id, retirement_id,
              closed_seq, closed_reason
       FROM serial_blocks`,
    );
    return rows.map((r) => ({
      id: r.id,
      scheme: r.scheme,
      namespace: r.namespace,
      start: Number(r.s),
      end: Number(r.e),
      status: r.status,
      ownerId: r.owner_id,
      retirementId: r.retirement_id,
      live: r.closed_seq === null,
      closedReason: r.closed_reason,
    }));
  }

  /** No app runs here: the log is sequenced on demand, as the app's sequencer would within the merge delay. */
  private async journal(): Promise<JournalQueries> {
    await new LogSequencer(this.uow, new LocalSequencerLease(), this.signer, HARNESS_CONFIG).sequencePending();
    return new JournalQueries(this.uow, this.signer, HARNESS_CONFIG);
  }

  async journalHead(): Promise<{ sequence: number; hash: string }> {
    return (await this.journal()).head();
  }

  async verifyJournal() {
    return (await this.journal()).verify();
  }

  /** serial_namespaces: the scheme each namespace entered the ledger with. */
  async namespaceSchemes(): Promise<Map<string, string>> {
    const rows: { namespace: string; scheme: string }[] = await this.dataSource.query(`SELECT namespace, scheme FROM serial_namespaces`);
    return new Map(rows.map((r) => [r.namespace, r.scheme]));
  }
}

/** The command's label as the use cases take it (unlabelled: no `scheme` at all). */
const scheme = (label: Label | undefined) => (label === undefined ? {} : { scheme: label });

interface RawBlockRow {
  id: string;
  scheme: string;
  namespace: string;
  s: string;
  e: string;
  status: 'held' | 'retired';
  owner_id: string | null;
  retirement_id: string | null;
  closed_seq: number | null;
  closed_reason: string | null;
}

export interface BlockRow {
  id: string;
  scheme: string;
  namespace: string;
  start: number;
  end: number;
  status: 'held' | 'retired';
  ownerId: string | null;
  retirementId: string | null;
  live: boolean;
  closedReason: string | null;
}

// ---------------------------------------------------------------------------------------------
// Checks. Each throws an Error whose message says what broke; fast-check adds the command list.

type AnsweredSegment = { start: string; end: string };

/** First pair of consecutive segments that are contiguous and equal but for start/end, or null. */
export function firstLookalikeNeighbours<S extends AnsweredSegment>(segments: readonly S[]): [S, S] | null {
  const shown = (segment: S) =>
    JSON.stringify(
      Object.entries(segment)
        .filter(([field, value]) => field !== 'start' && field !== 'end' && value !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : 1)),
    );
  for (let i = 1; i < segments.length; i++) {
    const [a, b] = [segments[i - 1], segments[i]];
    if (BigInt(a.end) + 1n === BigInt(b.start) && shown(a) === shown(b)) return [a, b];
  }
  return null;
}

const fmt = (b: BlockRow) => `${b.namespace} ${b.start}-${b.end} (${b.status}${b.retirementId ? ` ${b.retirementId}` : ''}, block ${b.id})`;

/** First pair of blocks of one namespace that share a serial, or null. */
export function firstOverlap(blocks: readonly BlockRow[]): [BlockRow, BlockRow] | null {
  const sorted = [...blocks].sort((a, b) => (a.namespace < b.namespace ? -1 : a.namespace > b.namespace ? 1 : a.start - b.start || a.end - b.end));
  for (let i = 1; i < sorted.length; i++) {
    const [a, b] = [sorted[i - 1], sorted[i]];
    if (a.namespace === b.namespace && b.start <= a.end) return [a, b];
  }
  return null;
}

/**
 * LEDGER-1, from the table alone: live blocks never overlap (so a serial is held by at most one
 * account and retired by at most one live block); no serial was ever retired by two retirements
 * that are not voided; a retired block closes only by the void of its retirement; and every live
 * retired block belongs to a retirement that was returned and not voided.
 */
export function checkRetiredAtMostOnce(rows: readonly BlockRow[], ledger: Pick<RealLedger, 'retirementIds' | 'voided'>): void {
  const live = rows.filter((r) => r.live);
  const overlap = firstOverlap(live);
  if (overlap) throw new Error(`two live blocks share a serial: ${fmt(overlap[0])} and ${fmt(overlap[1])}`);

  const standing = new Set(ledger.retirementIds.filter((id) => !ledger.voided.has(id)));
  for (const row of rows.filter((r) => r.status === 'retired')) {
    if (!ledger.retirementIds.includes(row.retirementId!)) throw new Error(`retired block ${fmt(row)} belongs to a retirement the ledger never returned`);
    if (standing.has(row.retirementId!) && !row.live) throw new Error(`retired block ${fmt(row)} of a standing (not voided) retirement was closed (${row.closedReason})`);
    if (!standing.has(row.retirementId!) && row.live) throw new Error(`retired block ${fmt(row)} is still live although its retirement was voided`);
  }
  // Every retired block a standing retirement ever had, open or closed: pairwise disjoint.
  const everRetired = rows.filter((r) => r.status === 'retired' && standing.has(r.retirementId!));
  const twice = firstOverlap(everRetired);
  if (twice) throw new Error(`a serial is retired twice by standing retirements: ${fmt(twice[0])} and ${fmt(twice[1])}`);
}

/** LEDGER-3: a standing retirement's live blocks cover exactly the serials it asked for; a voided one's cover none. */
export function checkRetirementCoverage(rows: readonly BlockRow[], ledger: RealLedger): void {
  for (const [index, id] of ledger.retirementIds.entries()) {
    const covered = new Map<string, number>();
    for (const row of rows.filter((r) => r.live && r.retirementId === id)) {
      const cert = row.namespace.replace(/^.*:JCL-ERL-/, '');
      for (let n = row.start; n <= row.end; n++) covered.set(`${cert}:${n}`, (covered.get(`${cert}:${n}`) ?? 0) + 1);
    }
    const twice = [...covered].find(([, count]) => count > 1);
    if (twice) throw new Error(`retirement #${index} covers serial ${twice[0]} with ${twice[1]} live blocks`);
    const asked = ledger.voided.has(id)
      ? new Set<string>()
      : new Set(ledger.requested.get(id)!.flatMap((text) => {
          const s = readSerialText(text);
          return serialNumbers(s).map((n) => cellKey(s.cert, n));
        }));
    const missing = [...asked].filter((k) => !covered.has(k));
    const extra = [...covered.keys()].filter((k) => !asked.has(k));
    if (missing.length || extra.length) {
      throw new Error(
        `retirement #${index} (${ledger.voided.has(id) ? 'voided' : `asked ${ledger.requested.get(id)!.join(', ')}`}): ` +
          `live retired blocks miss [${missing.join(' ')}] and add [${extra.join(' ')}]`,
      );
    }
  }
}

/**
 * LEDGER-2: every serial of the universe has the status the model predicts, down to the
 * retirement; so has every serial of the ranges the command named, asked as written.
 */
export async function checkStatusesMatchModel(model: LedgerModel, ledger: RealLedger, command: Command): Promise<void> {
  const compare = (what: string, actual: Map<string, string>, keys: Iterable<[Cert, number]>, viewer: Viewer = { kind: 'auditor' }) => {
    const diffs: string[] = [];
    for (const [cert, n] of keys) {
      const expected = describeCell(model.cell(cert, n), seesHolder(viewer));
      const got = actual.get(cellKey(cert, n));
      if (expected !== got) diffs.push(`${cert}:${n} expected ${expected}, ledger says ${got}`);
    }
    if (diffs.length) throw new Error(`${what}: ${diffs.length} serial(s) differ from the model:\n  ${diffs.slice(0, 8).join('\n  ')}${diffs.length > 8 ? '\n  …' : ''}`);
  };
  const everySerial = CERTS.flatMap((cert) => Array.from({ length: MAX_SERIAL + 1 }, (_, n): [Cert, number] => [cert, n]));
  for (const viewer of VIEWERS) {
    compare(`status of the universe as ${describeViewer(viewer)}`, await ledger.statuses(viewer), everySerial, viewer);
  }
  const named = command.op === 'retire' ? command.serials : command.op === 'void' ? [] : [command.serial];
  for (const text of named) {
    const s = readSerialText(text);
    compare(`status of ${text}`, await ledger.statusOf(text), serialNumbers(s).map((n): [Cert, number] => [s.cert, n]));
  }
}

type Conflict = { namespace?: string; start?: string; end?: string; status?: string; retirementId?: string; scheme?: string };

/** Per serial of the listed parts: `label(part)`; throws when two parts name one serial. */
function expandParts(what: string, parts: unknown, label: (part: Conflict) => string): Map<string, string> {
  if (!Array.isArray(parts)) throw new Error(`${what} is not a list: ${JSON.stringify(parts)}`);
  const out = new Map<string, string>();
  for (const part of parts as Conflict[]) {
    const cert = /JCL-ERL-(R\d)$/.exec(part.namespace ?? '')?.[1];
    if (!cert || part.start === undefined || part.end === undefined) throw new Error(`${what} has a malformed part ${JSON.stringify(part)}`);
    for (let n = Number(part.start); n <= Number(part.end); n++) {
      if (out.has(cellKey(cert as Cert, n))) throw new Error(`${what} names ${cert}:${n} twice`);
      out.set(cellKey(cert as Cert, n), label(part));
    }
  }
  return out;
}

function sameMap(what: string, actual: Map<string, string>, expected: Map<string, string>): void {
  const diffs: string[] = [];
  for (const [key, value] of expected) if (actual.get(key) !== value) diffs.push(`${key}: expected ${value}, got ${actual.get(key) ?? 'nothing'}`);
  for (const [key, value] of actual) if (!expected.has(key)) diffs.push(`${key}: expected nothing, got ${value}`);
  if (diffs.length) throw new Error(`${what} differs from the model:\n  ${diffs.slice(0, 8).join('\n  ')}${diffs.length > 8 ? '\n  …' : ''}`);
}

/**
 * LEDGER-2, refusals: the error names exactly the offending parts (API.md: `conflicts` with the
 * status or the retirement of each part; `unknown` parts for EVIDENCE_REQUIRED; the overlapping
 * pair for DUPLICATE_SERIALS), and SERIAL_CONFLICT names the conflicting live blocks themselves.
 * Called after the model refused the command too (a refusal changes nothing).
 */
export function checkRefusalDetails(model: LedgerModel, ledger: RealLedger, rows: readonly BlockRow[], command: Command, outcome: Outcome): void {
  if (outcome.ok) return;
  const details = outcome.details ?? {};
  const requested = (command.op === 'retire' ? command.serials : command.op === 'void' ? [] : [command.serial]).flatMap((text) => {
    const s = readSerialText(text);
    return serialNumbers(s).map((n) => ({ cert: s.cert, n, key: cellKey(s.cert, n), cell: model.cell(s.cert, n) }));
  });
  const statusOf = (cell: ReturnType<LedgerModel['cell']>) => cell?.state ?? 'unknown';
  const expect = (filter: (r: (typeof requested)[number]) => boolean, label: (r: (typeof requested)[number]) => string) =>
    new Map(requested.filter(filter).map((r) => [r.key, label(r)]));
  const where = `${outcome.code} details ${JSON.stringify(details)}`;
  const labelled = command.op === 'void' ? undefined : command.label;
  const isLabelConflict =
    outcome.code === 'SERIAL_CONFLICT' && (command.op === 'transfer' || command.op === 'retire' || requested.every((r) => !r.cell));
  if (isLabelConflict) {
    // The parts whose namespace is on record under another scheme, as asked, each with the scheme on record.
    const texts = command.op === 'retire' ? command.serials : command.op === 'void' ? [] : [command.serial];
    const expected = texts
      .map(readSerialText)
      .filter((s) => model.contradicts(s.cert, labelled))
      .map((s) => ({ namespace: namespaceOf(s.cert), start: String(s.start), end: String(s.end), scheme: model.schemeOnRecord(s.cert) }));
    const got = ((details.conflicts ?? []) as Conflict[]).map(({ namespace, start, end, scheme }) => ({ namespace, start, end, scheme }));
    if (expected.length === 0 || JSON.stringify(got) !== JSON.stringify(expected)) {
      throw new Error(`${where}: a label conflict must name the contradicted parts with the scheme on record: ${JSON.stringify(expected)}`);
    }
    return;
  }
  switch (`${command.op}:${outcome.code}`) {
    case 'register:SERIAL_CONFLICT': {
      // Whole blocks are named: every live serial asked for is in one, and each is a live block as stored.
      const named = expandParts(`${where}: conflicts`, details.conflicts, (c) => c.status ?? '?');
      const asked = new Map([...named].filter(([key]) => requested.some((r) => r.key === key)));
      sameMap(`${where}: conflicts (parts asked for)`, asked, expect((r) => !!r.cell, (r) => statusOf(r.cell)));
      for (const c of details.conflicts as Conflict[]) {
        const block = rows.find((b) => b.live && b.namespace === c.namespace && String(b.start) === c.start && String(b.end) === c.end);
        if (!block || block.status !== c.status) throw new Error(`${where}: conflict ${JSON.stringify(c)} is not a live block of the ledger`);
      }
      return;
    }
    case 'transfer:NOT_HELD': {
      const from = command.op === 'transfer' ? command.org : -1;
      const notHeld = (r: (typeof requested)[number]) => !(r.cell?.state === 'held' && r.cell.owner === from);
      sameMap(`${where}: conflicts`, expandParts(`${where}: conflicts`, details.conflicts, (c) => c.status ?? '?'), expect(notHeld, (r) => statusOf(r.cell)));
      return;
    }
    case 'retire:NOT_HELD': {
      const org = command.op === 'retire' ? command.org : -1;
      const others = (r: (typeof requested)[number]) => r.cell?.state === 'held' && r.cell.owner !== org;
      sameMap(`${where}: conflicts`, expandParts(`${where}: conflicts`, details.conflicts, (c) => c.status ?? '?'), expect(others, () => 'held'));
      return;
    }
    case 'retire:ALREADY_RETIRED':
      sameMap(
        `${where}: conflicts`,
        expandParts(`${where}: conflicts`, details.conflicts, (c) => `retired by ${ledger.retirementLabel(c.retirementId)}`),
        expect((r) => r.cell?.state === 'retired', (r) => describeCell(r.cell)),
      );
      return;
    case 'retire:EVIDENCE_REQUIRED':
      sameMap(`${where}: unknown`, expandParts(`${where}: unknown`, details.unknown, () => 'unknown'), expect((r) => !r.cell, () => 'unknown'));
      return;
    case 'retire:DUPLICATE_SERIALS': {
      const pair = details.duplicates as number[] | undefined;
      const serials = command.op === 'retire' ? command.serials : [];
      const [a, b] = (pair ?? []).map((i) => (serials[i] === undefined ? undefined : readSerialText(serials[i])));
      if (!pair || pair.length !== 2 || pair[0] === pair[1] || !a || !b || a.cert !== b.cert || a.start > b.end || b.start > a.end) {
        throw new Error(`${where}: duplicates must name two overlapping serials of ${JSON.stringify(serials)}`);
      }
      return;
    }
  }
}

/**
 * One credit, one identity, from the tables alone: every block ever written (live or closed) carries
 * the scheme serial_namespaces records for its namespace, so no label made a second credit of a
 * print. With the model: the record is the scheme the model says each namespace entered with.
 */
export function checkOneSchemePerNamespace(rows: readonly BlockRow[], namespaces: ReadonlyMap<string, string>, model?: LedgerModel): void {
  for (const row of rows) {
    const recorded = namespaces.get(row.namespace);
    if (row.scheme !== recorded) {
      throw new Error(`block ${fmt(row)} carries scheme ${row.scheme}; serial_namespaces records ${recorded ?? 'nothing'} for ${row.namespace}`);
    }
  }
  if (!model) return;
  const expected = new Map(CERTS.flatMap((cert) => (model.schemeOnRecord(cert) ? [[namespaceOf(cert), model.schemeOnRecord(cert)!] as const] : [])));
  const diffs = [...new Set([...expected.keys(), ...namespaces.keys()])]
    .filter((ns) => expected.get(ns) !== namespaces.get(ns))
    .map((ns) => `${ns}: expected ${expected.get(ns) ?? 'no record'}, serial_namespaces says ${namespaces.get(ns) ?? 'no record'}`);
  if (diffs.length) throw new Error(`the schemes on record differ from the model:\n  ${diffs.join('\n  ')}`);
}

/** LEDGER-4: one journal entry per successful command, none for failed ones; the chain verifies. */
export async function checkJournal(ledger: RealLedger, final: boolean): Promise<void> {
  const expected = ledger.baseSequence + ledger.successes;
  const head = await ledger.journalHead();
  if (head.sequence !== expected) {
    throw new Error(`journal head is at sequence ${head.sequence}; expected ${expected} (${ledger.baseSequence} from setup + ${ledger.successes} successful command(s))`);
  }
  if (!final) return;
  const verification = await ledger.verifyJournal();
  if (!verification.ok || verification.checked !== expected || verification.head.sequence !== expected) {
    throw new Error(`journal verify answered ${JSON.stringify(verification)}; expected ok with checked = ${expected}`);
  }
}

export interface ScenarioOptions {
  /** Compare each outcome and, after each command, every serial's status with the model. */
  model?: boolean;
  retiredAtMostOnce?: boolean;
  retirementCoverage?: boolean;
  journal?: boolean;
  /** Only for the sensitivity test: a deliberately wrong model. */
  mutation?: ModelMutation;
}

/**
 * Runs the commands against a fresh ledger (and the model), checking after every step. A failure
 * names the broken check and prints the concrete trace up to it (symbolic commands resolved).
 */
export async function runScenario(commands: readonly GeneratedCommand[], options: ScenarioOptions): Promise<void> {
  const ledger = await RealLedger.open();
  const model = new LedgerModel(options.mutation);
  const succeeded: Command[] = [];
  const trace: string[] = [];
  try {
    for (const [step, generated] of commands.entries()) {
      const command = resolveCommand(generated, succeeded);
      const actual = await ledger.apply(command);
      if (actual.ok) succeeded.push(command);
      trace.push(`  ${step}: ${JSON.stringify(command)} -> ${describeOutcome(actual)}`);
      try {
        if (options.model) {
          const expected = model.apply(command);
          if (describeOutcome(expected) !== describeOutcome(actual)) {
            throw new Error(`outcome: the model expected ${describeOutcome(expected)}, the ledger answered ${describeOutcome(actual)}`);
          }
          await checkStatusesMatchModel(model, ledger, command);
          checkRefusalDetails(model, ledger, await ledger.blockRows(), command, actual);
        }
        if (options.retiredAtMostOnce || options.retirementCoverage || options.model) {
          const rows = await ledger.blockRows();
          if (options.retiredAtMostOnce) checkRetiredAtMostOnce(rows, ledger);
          if (options.retirementCoverage) checkRetirementCoverage(rows, ledger);
          if (options.retiredAtMostOnce || options.model) {
            checkOneSchemePerNamespace(rows, await ledger.namespaceSchemes(), options.model ? model : undefined);
          }
        }
        if (options.journal) await checkJournal(ledger, step === commands.length - 1);
      } catch (error) {
        throw new Error(`after step ${step}: ${(error as Error).message}\ntrace:\n${trace.join('\n')}`);
      }
    }
    // Whatever the options: at the end of every run, each namespace's blocks carry the one scheme on record.
    const [rows, namespaces] = [await ledger.blockRows(), await ledger.namespaceSchemes()];
    try {
      checkOneSchemePerNamespace(rows, namespaces);
    } catch (error) {
      throw new Error(`after the run: ${(error as Error).message}\ntrace:\n${trace.join('\n')}`);
    }
  } finally {
    await ledger.close();
  }
}
