import { parseSerial } from '../serials';
import { CFP_RULEBOOK_V5_1 } from './cfp-rulebook-v5-1';
import { CN_CREDIT_POLICY_2011, CN_PLAN_RULEBOOK_2011, CN_RULEBOOK_2011 } from './cn-rulebook-2011';
import { assessCreditEligibility, assessCreditEligibilityOn, assessCreditForClaim, transitionalIssueDateNeeded, type RetiredCredit } from './credit-eligibility';
import type { CnRulebook } from './rulebook';
import { DEFAULT_RULEBOOK_REGISTRY } from './rulebook-registry';

const cn = CN_RULEBOOK_2011;
const cfp = CFP_RULEBOOK_V5_1;
const kyoto = (party: string, unitType: number, extra: Partial<RetiredCredit> = {}): RetiredCredit => ({
  scheme: 'KYOTO',
  attributes: { party, unitType },
  retiredOn: '2014-06-01',
  ...extra,
});
const credit = (scheme: RetiredCredit['scheme'], extra: Partial<RetiredCredit> = {}): RetiredCredit => ({ scheme, retiredOn: '2020-06-01', ...extra });
const verdict = (e: { eligible: boolean; rule: string }) => `${e.eligible ? 'eligible' : 'refused'} ${e.rule}`;

describe('CN-2.1.6-1 Kyoto units under CN', () => {
  it('refuses AAU and RMU issued by Japan (read from a real serial)', () => {
    const jpAau = parseSerial('JP-1-1000-1999-1-1-0');
    const jpRmu = parseSerial('JP-2-1000-1999-1-1-3');
    expect(verdict(assessCreditEligibility({ scheme: jpAau.scheme, attributes: jpAau.attributes, retiredOn: '2014-06-01', greeningEvidence: true }, cn))).toBe('refused CN-2.1.6-1');
    expect(verdict(assessCreditEligibility({ scheme: jpRmu.scheme, attributes: jpRmu.attributes, retiredOn: '2014-06-01' }, cn))).toBe('refused CN-2.1.6-1');
  });

  it('refuses a non-Japanese AAU without greening evidence and accepts it with', () => {
    const refused = assessCreditEligibility(kyoto('GB', 1), cn);
    expect(verdict(refused)).toBe('refused CN-2.1.6-1');
    expect(refused.message).toMatch(/greening/);
    expect(verdict(assessCreditEligibility(kyoto('GB', 1, { greeningEvidence: true }), cn))).toBe('eligible CN-2.1.6-1');
  });

  it('accepts CER and ERU, Japanese ones included, and a foreign RMU', () => {
    expect(verdict(assessCreditEligibility(kyoto('JP', 5), cn))).toBe('eligible CN-2.1.6-1');
    expect(verdict(assessCreditEligibility(kyoto('JP', 3), cn))).toBe('eligible CN-2.1.6-1');
    expect(verdict(assessCreditEligibility(kyoto('NZ', 2), cn))).toBe('eligible CN-2.1.6-1');
  });

  it('refuses tCER and lCER', () => {
    const tcer = parseSerial('CN-6-1-10-1-1-0-1234-E2027-12-31');
    expect(verdict(assessCreditEligibility({ scheme: 'KYOTO', attributes: tcer.attributes, retiredOn: '2014-06-01' }, cn))).toBe('refused CN-2.1.6-1');
    expect(assessCreditEligibility(kyoto('BR', 7), cn).message).toMatch(/lCER/);
  });

  it('refuses a Kyoto unit whose party or unit type is unknown', () => {
    expect(verdict(assessCreditEligibility({ scheme: 'KYOTO', retiredOn: '2014-06-01' }, cn))).toBe('refused CN-2.1.6-1');
  });

  it('applies the same table to CN plans (3.1.1 ②)', () => {
    expect(verdict(assessCreditEligibility(kyoto('JP', 1, { greeningEvidence: true }), CN_PLAN_RULEBOOK_2011))).toBe('refused CN-2.1.6-1');
  });
});

describe('CN-2.1.6-2 / CN-2.1.6 other schemes under CN', () => {
  it('accepts J-VER, J-Credit and regional J-Credit', () => {
    for (const scheme of ['JVER', 'JCREDIT', 'REGIONAL_JCREDIT'] as const) expect(verdict(assessCreditEligibility(credit(scheme), cn))).toBe('eligible CN-2.1.6-2');
  });

  it('refuses green energy certificates and their CO2 equivalents, and international voluntary credits', () => {
    for (const scheme of ['GREEN_CO2', 'GREEN_POWER', 'GREEN_HEAT', 'VERRA', 'GOLD_STANDARD', 'ACR', 'CAR', 'ART', 'CERCARBONO'] as const) {
      expect(verdict(assessCreditEligibility(credit(scheme), cn))).toBe('refused CN-2.1.6');
    }
  });
});

describe('CN-annex-2 transitional credits (prefectural J-VER, Domestic Credit)', () => {
  const pref = (retiredOn: string, issuedOn?: string) => credit('PREF_JVER', { retiredOn, ...(issuedOn ? { issuedOn } : {}) });

  it('accepts one retired 2013-03-31 and issued in FY2012, as transitional', () => {
    const accepted = assessCreditEligibility(pref('2013-03-31', '2013-03-31'), cn);
    expect(accepted).toMatchObject({ eligible: true, transitional: true, rule: 'CN-annex-2' });
    expect(assessCreditEligibility(credit('DOMESTIC', { retiredOn: '2012-10-01', issuedOn: '2011-05-01' }), cn)).toMatchObject({ eligible: true, transitional: true });
  });

  it('refuses one retired 2013-04-01', () => {
    const refused = assessCreditEligibility(pref('2013-04-01', '2012-05-01'), cn);
    expect(verdict(refused)).toBe('refused CN-annex-2');
    expect(refused.message).toContain('2013-03-31');
  });

  it('refuses one said to be issued after it was retired; under the FY2012 cutoff the retirement date proves the issue date', () => {
    expect(verdict(assessCreditEligibility(pref('2013-03-31', '2013-04-01'), cn))).toBe('refused CN-annex-2');
    // Issued no later than retired (2013-03-31 = the end of FY2012): no issue date needed.
    expect(verdict(assessCreditEligibility(pref('2013-03-31'), cn))).toBe('eligible CN-annex-2');
    expect(transitionalIssueDateNeeded(cn.credits.transitional!, '2013-03-31')).toBe(false);
  });

  it('takes the issue cutoff from the rulebook data (seed 002 draft reading: FY2011), and only then asks for the issue date', () => {
    const draftReading: CnRulebook = {
      ...cn,
      credits: { ...CN_CREDIT_POLICY_2011, transitional: { ...CN_CREDIT_POLICY_2011.transitional!, issuedByFiscalYear: 2011 } },
    };
    expect(verdict(assessCreditEligibility(pref('2013-03-01', '2012-04-01'), draftReading))).toBe('refused CN-annex-2');
    expect(verdict(assessCreditEligibility(pref('2013-03-01', '2012-03-31'), draftReading))).toBe('eligible CN-annex-2');
    // Retired after the FY2011 cutoff: the issue date matters and must be stated.
    expect(transitionalIssueDateNeeded(draftReading.credits.transitional!, '2012-04-01')).toBe(true);
    expect(assessCreditEligibility(pref('2012-04-01'), draftReading)).toMatchObject({ eligible: false, message: expect.stringMatching(/issuedOn/) });
    // Retired by the cutoff: the retirement date proves it.
    expect(verdict(assessCreditEligibility(pref('2012-03-31'), draftReading))).toBe('eligible CN-annex-2');
  });
});

describe('CN-annex-abolished (附則): transitional credits and the day the claim was received', () => {
  const pref = credit('PREF_JVER', { retiredOn: '2013-03-31' });

  it('a claim received by 2013-03-31 keeps the annex; one received from 2013-04-01 does not, whenever the credit was retired', () => {
    expect(assessCreditForClaim(DEFAULT_RULEBOOK_REGISTRY, { program: 'CN', receivedOn: '2013-03-31' }, pref)).toMatchObject({ eligible: true, transitional: true, rule: 'CN-annex-2' });
    const late = assessCreditForClaim(DEFAULT_RULEBOOK_REGISTRY, { program: 'CN', receivedOn: '2013-04-01' }, pref);
    expect(verdict(late)).toBe('refused CN-annex-abolished');
    expect(late.message).toMatch(/received 2013-04-01.*CN-2013/);
    expect(verdict(assessCreditForClaim(DEFAULT_RULEBOOK_REGISTRY, { program: 'CN_PLAN', receivedOn: '2014-05-01' }, credit('DOMESTIC', { retiredOn: '2012-05-01' })))).toBe('refused CN-annex-abolished');
    expect(verdict(assessCreditForClaim(DEFAULT_RULEBOOK_REGISTRY, { program: 'CN', receivedOn: '2014-05-01' }, credit('JVER', { retiredOn: '2012-05-01' })))).toBe('eligible CN-2.1.6-2');
  });
});

describe('CFP-art8-2 credits usable under the CFP programme', () => {
  it('refuses Kyoto units of every type', () => {
    for (const unitType of [1, 2, 3, 5]) expect(verdict(assessCreditEligibility(kyoto('GB', unitType, { greeningEvidence: true }), cfp))).toBe('refused CFP-art8-2');
  });

  it('accepts the six listed kinds, prefectural J-VER and Domestic Credit without transitional limits', () => {
    for (const scheme of ['JCREDIT', 'DOMESTIC', 'JVER', 'REGIONAL_JCREDIT', 'PREF_JVER', 'GREEN_CO2'] as const) {
      const e = assessCreditEligibility(credit(scheme, { issuedOn: '2019-01-01' }), cfp);
      expect(verdict(e)).toBe('eligible CFP-art8-2');
      expect(e.transitional).toBeUndefined();
    }
  });

  it('refuses green power and heat certificates (only via GREEN_CO2) and international credits', () => {
    expect(assessCreditEligibility(credit('GREEN_POWER'), cfp).message).toMatch(/GREEN_CO2/);
    for (const scheme of ['GREEN_POWER', 'GREEN_HEAT', 'VERRA', 'GOLD_STANDARD'] as const) expect(verdict(assessCreditEligibility(credit(scheme), cfp))).toBe('refused CFP-art8-2');
  });
});

describe('CFP-art12 forbidden credits', () => {
  it('refuses a credit the participant created itself', () => {
    expect(verdict(assessCreditEligibility(credit('JCREDIT', { creatorId: 'org-1' }), cfp, { participantId: 'org-1' }))).toBe('refused CFP-art12');
  });

  it('accepts a credit created by someone else', () => {
    expect(verdict(assessCreditEligibility(credit('JCREDIT', { creatorId: 'org-2' }), cfp, { participantId: 'org-1' }))).toBe('eligible CFP-art8-2');
  });

  it("refuses a credit from a project that changed the product's own footprint", () => {
    expect(verdict(assessCreditEligibility(credit('JVER', { changedProductFootprint: true }), cfp))).toBe('refused CFP-art12');
  });

  it('is a CFP rule: CN does not apply it', () => {
    expect(verdict(assessCreditEligibility(credit('JCREDIT', { creatorId: 'org-1' }), cn, { participantId: 'org-1' }))).toBe('eligible CN-2.1.6-2');
  });
});

describe('eligibility at the retirement date (RULEBOOK-NONE)', () => {
  it('judges by the rulebook in force on the retirement date; before CFP-5.1 but after Ver. 1.0 (2012-11-27), by CFP-5.1', () => {
    expect(verdict(assessCreditEligibilityOn(DEFAULT_RULEBOOK_REGISTRY, 'CFP', credit('JCREDIT', { retiredOn: '2019-12-11' })))).toBe('eligible CFP-art8-2');
    expect(verdict(assessCreditEligibilityOn(DEFAULT_RULEBOOK_REGISTRY, 'CFP', credit('JCREDIT', { retiredOn: '2019-12-10' })))).toBe('eligible CFP-art8-2');
    expect(verdict(assessCreditEligibilityOn(DEFAULT_RULEBOOK_REGISTRY, 'CFP', credit('JCREDIT', { retiredOn: '2012-11-27' })))).toBe('eligible CFP-art8-2');
    expect(verdict(assessCreditEligibilityOn(DEFAULT_RULEBOOK_REGISTRY, 'CFP', credit('JCREDIT', { retiredOn: '2012-11-26' })))).toBe('refused RULEBOOK-NONE');
    expect(verdict(assessCreditEligibilityOn(DEFAULT_RULEBOOK_REGISTRY, 'CN', credit('JVER', { retiredOn: '2011-09-14' })))).toBe('refused RULEBOOK-NONE');
    expect(verdict(assessCreditEligibilityOn(DEFAULT_RULEBOOK_REGISTRY, 'CN', credit('JVER', { retiredOn: '2011-09-15' })))).toBe('eligible CN-2.1.6-2');
  });
});
