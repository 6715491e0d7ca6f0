import {
  addBusinessDays,
  CERTIFICATION_PROCESS_RULES,
  PROCESS_RULE_IDS,
  checkMateriality,
  earliestPlanChange,
  labelsRemovedBy,
  planChangeFindings,
  sanctionFindings,
  verificationFindings,
} from './certification-process';

describe('certification process rules', () => {
  it('every process rule id has its source and summary', () => {
    expect(CERTIFICATION_PROCESS_RULES.map((r) => r.id).sort()).toEqual(Object.values(PROCESS_RULE_IDS).sort());
    for (const r of CERTIFICATION_PROCESS_RULES) expect(r.source).toMatch(/seed 00[24]\), /);
  });

  it('CN-2.2.4: 5 % of the verified total is tolerated exactly, a hair more is not', () => {
    expect(checkMateriality({ scope1: '105', scope2: '0' }, { scope1: '60', scope2: '40' }, false)).toMatchObject({ withinMateriality: true, difference: '5', threshold: '5' });
    expect(checkMateriality({ scope1: '95', scope2: '0' }, { scope1: '60', scope2: '40' }, false).withinMateriality).toBe(true);
    expect(checkMateriality({ scope1: '105.000001', scope2: '0' }, { scope1: '100', scope2: '0' }, false).withinMateriality).toBe(false);
    expect(checkMateriality({ scope1: '94.9', scope2: '0' }, { scope1: '100', scope2: '0' }, false).withinMateriality).toBe(false);
  });

  it('CN-2.2.4: scope 3 counts only when the applicant included it (2.1.5)', () => {
    const declared = { scope1: '100', scope2: '0', scope3: '500' };
    const verified = { scope1: '100', scope2: '0', scope3: '400' };
    expect(checkMateriality(declared, verified, false).withinMateriality).toBe(true);
    expect(checkMateriality(declared, verified, true).withinMateriality).toBe(false);
  });

  it('CN-2.2.4 / CN-2.2.3: certification needs a verification, unqualified, within materiality, reasonable assurance for CN', () => {
    const within = checkMateriality({ scope1: '100', scope2: '0' }, { scope1: '100', scope2: '0' }, false);
    expect(verificationFindings('CN', null).map((f) => f.rule)).toEqual(['CN-2.2.4']);
    expect(verificationFindings('CN', { assurance: 'reasonable', opinion: 'unqualified', materiality: within })).toEqual([]);
    expect(verificationFindings('CN', { assurance: 'reasonable', opinion: 'qualified', materiality: within }).map((f) => f.rule)).toEqual(['CN-2.2.4']);
    expect(verificationFindings('CN', { assurance: 'limited', opinion: 'unqualified', materiality: within }).map((f) => f.rule)).toEqual(['CN-2.2.3']);
    // CNP-3.2.3: a plan verification may give limited assurance; the certifier weighs the reason.
    expect(verificationFindings('CN_PLAN', { assurance: 'limited', opinion: 'unqualified', materiality: within })).toEqual([]);
  });

  it('CN-2.3.6-2: labels are removed within one month of the revocation (Civil Code: the day after, to the corresponding day)', () => {
    expect(labelsRemovedBy('2026-01-15')).toBe('2026-02-15');
    expect(labelsRemovedBy('2026-01-31')).toBe('2026-02-28');
  });

  it('CNP-3.4.1: a plan change takes effect 30 business days after its notification at the earliest (the ministry’s closing days skipped)', () => {
    expect(addBusinessDays('2026-11-27', 1)).toBe('2026-11-30'); // Friday → Monday
    // 20 business days in December to the 28th, closed 12-29..01-03, 5 from 01-04, 成人の日 01-11, 4 to 01-15, then 01-18.
    expect(earliestPlanChange('2026-11-30')).toBe('2027-01-18');
    expect(planChangeFindings('2026-11-30', '2027-01-18')).toEqual([]);
    expect(planChangeFindings('2026-11-30', '2027-01-15').map((f) => f.rule)).toEqual(['CNP-3.4.1']);
  });

  it('CN-2.3.5-2 / CNP-3.3.4-2: sanctions for an uncorrected breach follow a recommendation; non-cooperation and urgency do not need one', () => {
    expect(sanctionFindings('CN', 'uncorrected', false).map((f) => f.rule)).toEqual(['CN-2.3.5-2']);
    expect(sanctionFindings('CN_PLAN', 'uncorrected', false).map((f) => f.rule)).toEqual(['CNP-3.3.4-2']);
    expect(sanctionFindings('CN', 'uncorrected', true)).toEqual([]);
    expect(sanctionFindings('CN', 'urgent', false)).toEqual([]);
    expect(sanctionFindings('CN', 'non_cooperation', false)).toEqual([]);
  });
});
