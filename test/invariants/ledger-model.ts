import fc from 'fast-check';

/*
 * In-memory model of the ledger (DOMAIN.md §7, API.md "Holdings", "Retirements", "Serial status")
 * and the command generators of the model-based test. Nothing here touches the product code: the
 * model is written from the documented semantics so that it can disagree with the implementation.
 */

/** Certification numbers, i.e. serial namespaces: few, so that commands collide often. */
export const CERTS = ['R1', 'R2'] as const;
export type Cert = (typeof CERTS)[number];
/** The universe: serial numbers 0..MAX_SERIAL of each namespace. */
export const MAX_SERIAL = 60;
/** Organisations taking part (indices 0..ORG_COUNT-1). */
export const ORG_COUNT = 3;
/**
 * Scheme labels a caller may name for a JCL print (both valid for it; API.md "One credit, one
 * identity"). Unlabelled means the scheme on record, or the symbol's own (JCREDIT) for a first record.
 */
export const LABELS = ['JCREDIT', 'REGIONAL_JCREDIT'] as const;
export type Label = (typeof LABELS)[number];
export const UNLABELLED_SCHEME: Label = 'JCREDIT';
/** The namespace the ledger keys a cert's serials by: what is printed, never the label. */
export const namespaceOf = (cert: Cert) => `JCREDIT_REGISTRY:JCL-ERL-${cert}`;

/**
 * Concrete commands, as plain data so that a trace prints readably. `org`/`to` are organisation
 * indices; `pick` chooses among the retirements returned so far (`pick % count`), 'ghost' names an
 * id the ledger never issued.
 */
export type Command =
  | { op: 'register'; org: number; serial: string; label?: Label }
  | { op: 'transfer'; org: number; to: number | 'ghost'; serial: string; label?: Label }
  | { op: 'retire'; org: number; serials: string[]; evidence: boolean; label?: Label }
  | { op: 'void'; pick: number | 'ghost' };

/**
 * Generated commands may name their serials and sender symbolically, so that sequences reach the
 * interesting states (transfers and retirements of what was registered) far more often than
 * blind ranges would. `{ ref, slice }` is a part of the ref-th (mod count) range registered
 * successfully so far; 'holder' is the organisation that, according to the successful registers
 * and transfers so far, last received the first serial. Resolution looks only at that history of
 * commands, never at the model or at the database, so both sides get the same concrete command.
 */
export type SerialRef = { ref: number; slice: 'all' | 'head' | 'tail' | 'middle' };
export type GeneratedCommand =
  | { op: 'register'; org: number; serial: string; label?: Label }
  | { op: 'transfer'; org: number | 'holder'; to: number | 'ghost'; serial: string | SerialRef; label?: Label }
  | { op: 'retire'; org: number | 'holder'; serials: (string | SerialRef)[]; evidence: boolean; label?: Label }
  | { op: 'void'; pick: number | 'ghost' };

export function resolveCommand(generated: GeneratedCommand, succeeded: readonly Command[]): Command {
  const registered = succeeded.filter((c): c is Extract<Command, { op: 'register' }> => c.op === 'register');
  const serial = (arg: string | SerialRef): string => {
    if (typeof arg === 'string') return arg;
    if (registered.length === 0) return 'JCL-ERL-R1-0-4';
    const { cert, start, end } = readSerialText(registered[arg.ref % registered.length].serial);
    const half = Math.floor((end - start) / 2);
    const [a, b] =
      arg.slice === 'head' ? [start, start + half]
      : arg.slice === 'tail' ? [end - half, end]
      : arg.slice === 'middle' && end - start >= 2 ? [start + 1, end - 1]
      : [start, end];
    return `JCL-ERL-${cert}-${a}-${b}`;
  };
  const holder = (text: string): number => {
    const { cert, start } = readSerialText(text);
    for (let i = succeeded.length - 1; i >= 0; i--) {
      const c = succeeded[i];
      if (c.op !== 'register' && c.op !== 'transfer') continue;
      const s = readSerialText(c.serial);
      if (s.cert === cert && s.start <= start && start <= s.end) return c.op === 'register' ? c.org : (c.to as number);
    }
    return 0;
  };
  switch (generated.op) {
    case 'register':
    case 'void':
      return generated;
    case 'transfer': {
      const text = serial(generated.serial);
      return { ...generated, serial: text, org: generated.org === 'holder' ? holder(text) : generated.org };
    }
    case 'retire': {
      const texts = generated.serials.map(serial);
      return { ...generated, serials: texts, org: generated.org === 'holder' ? holder(texts[0]) : generated.org };
    }
  }
}

/** `details`: the DomainError's details, as the ledger gave them (the model leaves them out). */
export type Outcome = { ok: true; retirement?: number } | { ok: false; code: string; details?: Record<string, unknown> };

export function describeOutcome(outcome: Outcome): string {
  if (!outcome.ok) return `error ${outcome.code}`;
  return outcome.retirement === undefined ? 'ok' : `ok (retirement #${outcome.retirement})`;
}

/** Which returned retirement a void command means, or null for an id the ledger never issued. */
export function resolvePick(pick: number | 'ghost', count: number): number | null {
  return pick === 'ghost' || count === 0 ? null : pick % count;
}

export interface SerialText {
  cert: Cert;
  start: number;
  end: number;
}

/** Reads the serial texts this file generates (any case, leading zeros allowed). */
export function readSerialText(text: string): SerialText {
  const m = /^JCL-ERL-(R[12])-(\d+)-(\d+)$/i.exec(text);
  if (!m) throw new Error(`test bug: unexpected serial text ${text}`);
  return { cert: m[1].toUpperCase() as Cert, start: Number(m[2]), end: Number(m[3]) };
}

export function serialNumbers({ start, end }: SerialText): number[] {
  return Array.from({ length: end - start + 1 }, (_, i) => start + i);
}

export const cellKey = (cert: Cert, n: number) => `${cert}:${n}`;

/**
 * What one serial is, as the model and the status query describe it to a viewer that sees the
 * holders `seesHolder` accepts (API.md: without a key, held segments omit holderId; an organisation
 * sees its own; an auditor sees all).
 */
export function describeCell(cell: Cell | undefined, seesHolder: (owner: number) => boolean = () => true): string {
  if (!cell) return 'unknown';
  if (cell.state === 'retired') return `retired by #${cell.retirement}`;
  return seesHolder(cell.owner) ? `held by org${cell.owner}` : 'held';
}

export type Cell =
  | { state: 'held'; owner: number }
  /** `consumed`: taken from the retiring organisation's holding (else recorded as retired outside the ledger). */
  | { state: 'retired'; owner: number; retirement: number; consumed: boolean };

/**
 * Deliberate mistakes, used only to prove that the property can fail (the spec's "the model test
 * can fail" block). Never set in the real properties.
 */
export type ModelMutation = 'void-forgets-holdings' | 'labels-ignored';

export class LedgerModel {
  private readonly cells = new Map<string, Cell>();
  /**
   * The scheme each namespace entered the ledger with: set by the first block that ever entered it
   * (a register, or a retirement of parts unknown to the ledger) and never changed or forgotten,
   * not even when a void removes every block again.
   */
  private readonly schemes = new Map<Cert, Label>();
  readonly retirements: { org: number; voided: boolean }[] = [];

  constructor(private readonly mutation?: ModelMutation) {}

  cell(cert: Cert, n: number): Cell | undefined {
    return this.cells.get(cellKey(cert, n));
  }

  schemeOnRecord(cert: Cert): Label | undefined {
    return this.schemes.get(cert);
  }

  /** A label contradicts the record when it names another scheme; unlabelled commands use the record. */
  contradicts(cert: Cert, label: Label | undefined): boolean {
    const recorded = this.schemes.get(cert);
    if (this.mutation === 'labels-ignored') return false;
    return label !== undefined && recorded !== undefined && recorded !== label;
  }

  private record(cert: Cert, label: Label | undefined): void {
    if (!this.schemes.has(cert)) this.schemes.set(cert, label ?? UNLABELLED_SCHEME);
  }

  apply(command: Command): Outcome {
    switch (command.op) {
      case 'register':
        return this.register(command.org, readSerialText(command.serial), command.label);
      case 'transfer':
        return this.transfer(command.org, command.to, readSerialText(command.serial), command.label);
      case 'retire':
        return this.retire(command.org, command.serials.map(readSerialText), command.evidence, command.label);
      case 'void':
        return this.void(resolvePick(command.pick, this.retirements.length));
    }
  }

  /** Refused when any part overlaps a live block, held or retired; then when the label contradicts the record. */
  private register(org: number, s: SerialText, label: Label | undefined): Outcome {
    const ns = serialNumbers(s);
    if (ns.some((n) => this.cell(s.cert, n))) return { ok: false, code: 'SERIAL_CONFLICT' };
    if (this.contradicts(s.cert, label)) return { ok: false, code: 'SERIAL_CONFLICT' };
    this.record(s.cert, label);
    for (const n of ns) this.cells.set(cellKey(s.cert, n), { state: 'held', owner: org });
    return { ok: true };
  }

  /** The recipient must be another organisation and exist; the label must agree; the range must be wholly held by the sender. */
  private transfer(from: number, to: number | 'ghost', s: SerialText, label: Label | undefined): Outcome {
    if (to === from) return { ok: false, code: 'VALIDATION_FAILED' };
    if (to === 'ghost') return { ok: false, code: 'NOT_FOUND' };
    if (this.contradicts(s.cert, label)) return { ok: false, code: 'SERIAL_CONFLICT' };
    const ns = serialNumbers(s);
    const wholly = ns.every((n) => {
      const c = this.cell(s.cert, n);
      return c?.state === 'held' && c.owner === from;
    });
    if (!wholly) return { ok: false, code: 'NOT_HELD' };
    for (const n of ns) this.cells.set(cellKey(s.cert, n), { state: 'held', owner: to });
    return { ok: true };
  }

  /**
   * API.md precedence: DUPLICATE_SERIALS, EVIDENCE_REQUIRED, ALREADY_RETIRED, SERIAL_CONFLICT (a label
   * contradicting the record of any part's namespace), NOT_HELD. All or nothing.
   */
  private retire(org: number, parts: SerialText[], evidence: boolean, label: Label | undefined): Outcome {
    for (let i = 0; i < parts.length; i++) {
      for (let j = i + 1; j < parts.length; j++) {
        const [a, b] = [parts[i], parts[j]];
        if (a.cert === b.cert && a.start <= b.end && b.start <= a.end) return { ok: false, code: 'DUPLICATE_SERIALS' };
      }
    }
    const serials = parts.flatMap((p) => serialNumbers(p).map((n) => ({ cert: p.cert, n, cell: this.cell(p.cert, n) })));
    if (!evidence && serials.some((s) => !s.cell)) return { ok: false, code: 'EVIDENCE_REQUIRED' };
    if (serials.some((s) => s.cell?.state === 'retired')) return { ok: false, code: 'ALREADY_RETIRED' };
    if (parts.some((p) => this.contradicts(p.cert, label))) return { ok: false, code: 'SERIAL_CONFLICT' };
    if (serials.some((s) => s.cell?.state === 'held' && s.cell.owner !== org)) return { ok: false, code: 'NOT_HELD' };
    // Parts unknown to the ledger enter it (retired outside): the first such block records its namespace.
    for (const s of serials) if (!s.cell) this.record(s.cert, label);
    const retirement = this.retirements.push({ org, voided: false }) - 1;
    for (const s of serials) {
      this.cells.set(cellKey(s.cert, s.n), { state: 'retired', owner: org, retirement, consumed: s.cell !== undefined });
    }
    return { ok: true, retirement };
  }

  /** Consumed parts go back to the retiring organisation's holding; parts retired outside become unknown. */
  private void(index: number | null): Outcome {
    if (index === null) return { ok: false, code: 'NOT_FOUND' };
    const retirement = this.retirements[index];
    if (retirement.voided) return { ok: false, code: 'ALREADY_VOIDED' };
    retirement.voided = true;
    for (const [key, cell] of [...this.cells]) {
      if (cell.state !== 'retired' || cell.retirement !== index) continue;
      if (cell.consumed && this.mutation !== 'void-forgets-holdings') this.cells.set(key, { state: 'held', owner: cell.owner });
      else this.cells.delete(key);
    }
    return { ok: true };
  }
}

// ---------------------------------------------------------------------------------------------
// Generators

const cert: fc.Arbitrary<Cert> = fc.oneof({ arbitrary: fc.constant<Cert>('R1'), weight: 3 }, { arbitrary: fc.constant<Cert>('R2'), weight: 1 });

type Bounds = { start: number; end: number };

/**
 * Ranges of the universe, mostly on a grid of 5-serial cells so that later commands name exactly
 * what earlier ones registered (transfers and retirements of whole blocks succeed), sometimes
 * inside one cell (splits), sometimes anywhere (partial overlaps across block edges).
 */
const bounds: fc.Arbitrary<Bounds> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .record({ cell: fc.integer({ min: 0, max: 7 }), cells: fc.integer({ min: 1, max: 2 }) })
      .map(({ cell, cells }) => ({ start: cell * 5, end: Math.min(MAX_SERIAL, cell * 5 + cells * 5 - 1) })),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({ cell: fc.integer({ min: 0, max: 7 }), a: fc.integer({ min: 0, max: 4 }), b: fc.integer({ min: 0, max: 4 }) })
      .map(({ cell, a, b }) => ({ start: cell * 5 + Math.min(a, b), end: cell * 5 + Math.max(a, b) })),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({ start: fc.integer({ min: 0, max: MAX_SERIAL }), length: fc.integer({ min: 0, max: 12 }) })
      .map(({ start, length }) => ({ start, end: Math.min(MAX_SERIAL, start + length) })),
  },
);

/**
 * A range as serial text, written the canonical way most of the time and otherwise in lower case
 * or with leading zeros (the ledger must treat them as the same serials).
 */
export const serialText: fc.Arbitrary<string> = fc
  .record({
    cert,
    bounds,
    style: fc.constantFrom('canonical', 'canonical', 'canonical', 'canonical', 'lower-case', 'leading-zeros'),
  })
  .map(({ cert, bounds: { start, end }, style }) => {
    if (style === 'lower-case') return `jcl-erl-${cert.toLowerCase()}-${start}-${end}`;
    if (style === 'leading-zeros') return `JCL-ERL-${cert}-00${start}-0${end}`;
    return `JCL-ERL-${cert}-${start}-${end}`;
  });

const org = fc.integer({ min: 0, max: ORG_COUNT - 1 });
/** Mostly unlabelled, so that sequences still reach deep states; labels often enough to contradict a record. */
const label: fc.Arbitrary<Label | undefined> = fc.oneof(
  { weight: 2, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.constantFrom(...LABELS) },
);
const sender = fc.oneof({ weight: 2, arbitrary: fc.constant('holder' as const) }, { weight: 1, arbitrary: org });
const serialRef: fc.Arbitrary<SerialRef> = fc.record({
  ref: fc.integer({ min: 0, max: 7 }),
  slice: fc.constantFrom('all' as const, 'head' as const, 'tail' as const, 'middle' as const),
});
const serialArg = fc.oneof({ weight: 2, arbitrary: serialRef }, { weight: 1, arbitrary: serialText });

export const command: fc.Arbitrary<GeneratedCommand> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constant('register' as const), org, serial: serialText, label }) },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('transfer' as const),
      org: sender,
      to: fc.oneof({ weight: 9, arbitrary: org }, { weight: 1, arbitrary: fc.constant('ghost' as const) }),
      serial: serialArg,
      label,
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('retire' as const),
      org: sender,
      serials: fc.oneof(
        { weight: 3, arbitrary: serialArg.map((s) => [s]) },
        { weight: 2, arbitrary: fc.array(serialArg, { minLength: 2, maxLength: 3 }) },
      ),
      evidence: fc.boolean(),
      label,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('void' as const),
      pick: fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 0, max: 7 }) }, { weight: 1, arbitrary: fc.constant('ghost' as const) }),
    }),
  },
);

export const MAX_COMMANDS = 25;
export const commands: fc.Arbitrary<GeneratedCommand[]> = fc.array(command, { minLength: 1, maxLength: MAX_COMMANDS, size: 'max' });
