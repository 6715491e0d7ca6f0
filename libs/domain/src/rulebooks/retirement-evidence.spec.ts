import { pendingEvidenceFindings } from './retirement-evidence';

describe('retirement evidence before certification', () => {
  it('CN-2.1.6-evidence: every pending backing retirement is an error finding for CN and CN plans', () => {
    expect(pendingEvidenceFindings('CN', ['RC-2026-000001', 'RC-2026-000002'])).toEqual([
      expect.objectContaining({ rule: 'CN-2.1.6-evidence', severity: 'error', message: expect.stringContaining('RC-2026-000001') }),
      expect.objectContaining({ rule: 'CN-2.1.6-evidence', severity: 'error', message: expect.stringContaining('RC-2026-000002') }),
    ]);
    expect(pendingEvidenceFindings('CN_PLAN', ['RC-2026-000003'])).toEqual([expect.objectContaining({ rule: 'CN-2.1.6-evidence' })]);
  });

  it('CFP-art9-evidence: a CFP offset cites art. 9; nothing pending, nothing found', () => {
    expect(pendingEvidenceFindings('CFP', ['RC-2026-000004'])).toEqual([expect.objectContaining({ rule: 'CFP-art9-evidence', severity: 'error' })]);
    expect(pendingEvidenceFindings('CN', [])).toEqual([]);
  });
});
