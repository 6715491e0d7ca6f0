import { readHoldingRow, isRowProblem } from './holding-row';
import { holdingsFormatFor, assertHoldingsFormat, REGISTRY_FORMAT } from './holdings-formats';

const MAX = 1_000_000_000n;
const row = (over: Partial<{ serial: string; scheme: string; registry: string; reference: string }> = {}) => ({
  serial: 'JCL-ERL-R012-1000001-1000500',
  scheme: '',
  registry: 'J-Credit registry',
  reference: 'account statement 2026-04',
  ...over,
});

describe('reading a holdings statement row (API.md "Holdings": the rules of POST /v1/holdings, per row)', () => {
  it('reads a serial, its scheme from its shape, and the evidence', () => {
    const read = readHoldingRow(row(), MAX);
    expect(isRowProblem(read)).toBe(false);
    if (isRowProblem(read)) return;
    expect(read.parsed).toMatchObject({ scheme: 'JCREDIT' });
    expect(read.parsed.range.quantity).toBe(500n);
    expect(read).toMatchObject({ labelled: false, evidence: { registry: 'J-Credit registry', reference: 'account statement 2026-04' } });
  });

  it.each([
    [{ serial: 'nonsense' }, 'INVALID_SERIAL', /^serial: /],
    [{ scheme: 'NOPE' }, 'UNKNOWN_SCHEME', /^scheme: /],
    [{ registry: '' }, 'EVIDENCE_REQUIRED', /^registry: /],
    [{ reference: '  ' }, 'EVIDENCE_REQUIRED', /^reference: /],
    [{ reference: 'a\u202Eb' }, 'VALIDATION_FAILED', /^reference: .*bidirectional/],
    [{ reference: 'x'.repeat(201) }, 'VALIDATION_FAILED', /^reference: at most 200/],
    [{ serial: 'JCL-ERL-R012-1-2000000000' }, 'VALIDATION_FAILED', /^serial: .*MAX_BLOCK_QUANTITY/],
  ])('refuses %j with %s, the message naming the field', (over, code, message) => {
    const read = readHoldingRow(row(over), MAX);
    expect(read).toEqual({ code, message: expect.stringMatching(message) });
  });

  it('a scheme the serial contradicts is refused naming scheme', () => {
    const read = readHoldingRow(row({ scheme: 'GOLD_STANDARD' }), MAX);
    expect(read).toMatchObject({ code: 'INVALID_SERIAL', message: expect.stringMatching(/^scheme: /) });
  });
});

describe('statement formats', () => {
  it('detects the registry format from its header, in any order and case', () => {
    expect(holdingsFormatFor(['Reference', 'SERIAL', 'registry'], undefined)).toBe(REGISTRY_FORMAT);
    const read = REGISTRY_FORMAT.reader(['reference', 'serial', 'registry'])(['st 1', 'JCL-ERL-R1-1-10', 'J-Credit registry']);
    expect(read).toEqual({ serial: 'JCL-ERL-R1-1-10', scheme: '', registry: 'J-Credit registry', reference: 'st 1' });
  });

  it('detects a Verra transactions export from its header', () => {
    const header = ['Issuance Date', 'Vintage Start', 'Vintage End', 'ID', 'Name', 'Country/Area', 'Project Type', 'Methodology', 'Total Vintage Quantity', 'Quantity Issued', 'Serial Number', 'Additional Certifications', 'Retirement/Cancellation Date', 'Retirement Beneficiary', 'Retirement Reason', 'Retirement Details'];
    expect(holdingsFormatFor(header, undefined).name).toBe('verra');
  });

  it('refuses an unknown header or format, naming the field', () => {
    expect(() => holdingsFormatFor(['a', 'b'], undefined)).toThrow(/^header: no known statement format/);
    expect(() => holdingsFormatFor(['serial', 'registry', 'reference'], 'verra')).toThrow(/^header: .* not that of the verra format/);
    expect(() => assertHoldingsFormat('nope')).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', details: { errors: [expect.objectContaining({ field: 'format' })] } }));
  });
});
