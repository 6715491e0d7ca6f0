import { bindExportLayout, detectExportLayout, evidenceNamesRegistry, exportDate, REGISTRY_EXPORT_TABLES } from './index';

const GS_RETIREMENTS = ['Vintage', 'Credit Status', 'Quantity', 'GSID', 'Issuance Date', 'Retirement Date', 'Serial Number', 'Using Entity', 'Use Case'];
const ACR_CANCELLATIONS = ['Credit Serial Numbers', 'Date Issued (GMT)', 'Quantity of Credits', 'Status Effective  (GMT)', 'Cancellation Type', 'Project ID'];

describe('registry export tables', () => {
  it('detects a layout from the header, the most specific first (Gold Standard retirements over issuances)', () => {
    expect(detectExportLayout(GS_RETIREMENTS).layout).toMatchObject({ format: 'gold-standard', name: 'retirements' });
    expect(detectExportLayout(GS_RETIREMENTS.filter((c) => c !== 'Retirement Date')).layout).toMatchObject({ name: 'issuances' });
  });

  it('compares header names without case or repeated spaces (ACR prints "Status Effective  (GMT)")', () => {
    expect(detectExportLayout(ACR_CANCELLATIONS).layout).toMatchObject({ format: 'acr', name: 'cancellations' });
  });

  it('detects the registry own CSV, whose status columns are optional', () => {
    expect(detectExportLayout(['serial', 'scheme', 'registry', 'reference']).layout).toMatchObject({ format: 'registry' });
  });

  it('names the missing columns when the header is not the named format', () => {
    expect(detectExportLayout(GS_RETIREMENTS, 'verra')).toEqual({ problem: expect.stringContaining('Retirement/Cancellation Date') });
    expect(detectExportLayout(['a', 'b'])).toEqual({ problem: expect.stringContaining('no known export format') });
  });

  it('reads a row: kind from the status, quantity without thousands separators, dates as YYYY-MM-DD', () => {
    const bound = bindExportLayout(detectExportLayout(GS_RETIREMENTS).layout!, GS_RETIREMENTS);
    const row = bound.read(['2025', 'Canceled', '1,000', '1', '2026-03-31', '2026-04-10T10:00:00', 'GS1-1-KE-GS11603-16-2025-30256-110-1109', 'Hilti', '']);
    expect(row).toMatchObject({ kind: 'cancellation', quantity: '1000', issuedOn: '2026-03-31', retiredOn: '2026-04-10', beneficiary: 'Hilti' });
    expect(row.retirementReason).toBeUndefined();
    expect(() => bound.read(['2025', 'Pending', '1', '1', '', '', 'GS1-1', '', ''])).toThrow(/unknown status/);
  });

  it('treats a Verra row with a retirement date as retired, without one as still issued', () => {
    const table = REGISTRY_EXPORT_TABLES.verra.layouts[0]!;
    const header = Object.values(table.columns) as string[];
    const bound = bindExportLayout(table, header);
    const cells = (date: string) => header.map((name) => (name === 'Retirement/Cancellation Date' ? date : name === 'Quantity Issued' ? '5' : name === 'Issuance Date' ? '2026-04-01' : 'x'));
    expect(bound.read(cells('')).kind).toBe('holding');
    expect(bound.read(cells('2026-04-10')).kind).toBe('retirement');
  });

  it('reads US month/day/year dates and refuses impossible ones', () => {
    expect(exportDate('4/13/2026 7:17:56 PM')).toBe('2026-04-13');
    expect(exportDate('02/28/2025')).toBe('2025-02-28');
    expect(exportDate('2022-02-24 20:20:59')).toBe('2022-02-24');
    expect(exportDate('')).toBeUndefined();
    expect(exportDate('2025-02-30')).toBeNull();
    expect(exportDate('yesterday')).toBeNull();
  });

  it('recognises a registry in free-text evidence by whole words only', () => {
    expect(evidenceNamesRegistry(REGISTRY_EXPORT_TABLES.verra, 'Verra Registry')).toBe(true);
    expect(evidenceNamesRegistry(REGISTRY_EXPORT_TABLES.car, 'Climate Action Reserve')).toBe(true);
    expect(evidenceNamesRegistry(REGISTRY_EXPORT_TABLES.car, 'Carbon registry')).toBe(false);
    expect(evidenceNamesRegistry(REGISTRY_EXPORT_TABLES.verra, null)).toBe(false);
    expect(evidenceNamesRegistry(REGISTRY_EXPORT_TABLES.registry, 'J-Credit registry', 'j-credit  Registry')).toBe(true);
  });
});
