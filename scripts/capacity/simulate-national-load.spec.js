const { ASSUMED, parseArgs, simulate } = require('./simulate-national-load');

describe('simulate-national-load', () => {
  it('grows every yearly figure linearly with the scale', () => {
    const once = simulate({ ...ASSUMED, scale: 1 });
    const hundred = simulate({ ...ASSUMED, scale: 100 });
    expect(hundred.journalEntries).toBeCloseTo(100 * once.journalEntries);
    expect(hundred.databaseBytes).toBeCloseTo(100 * once.databaseBytes);
    expect(hundred.writesPerSecondPeak).toBeCloseTo(100 * once.writesPerSecondPeak);
  });

  it('counts one leaf per journal entry, 2n − 1 tree nodes and a split as two block rows', () => {
    const r = simulate({ ...ASSUMED, scale: 1, issuances: 10, retirements: 5, transfers: 0, claims: 0, blocksPerRetirement: 1, pendingEvidenceShare: 0 });
    expect(r.journalEntries).toBe(15);
    expect(r.log.treeNodes).toBe(29);
    expect(r.blockRows).toBe(10 + 2 * 5);
    expect(r.liveBlockGrowth).toBe(15);
  });

  it('takes overrides by name and refuses unknown ones', () => {
    expect(parseArgs(['--scale=1000', '--retirements=20_000']).inputs).toMatchObject({ scale: 1000, retirements: 20000 });
    expect(() => parseArgs(['--retirments=5'])).toThrow(/unknown or malformed/);
  });
});
