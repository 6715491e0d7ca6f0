import { checkCreditFacts } from './credit-facts';

describe('creditFacts.issuedOn (CN-annex-2 issue date): a real date, not after the retirement', () => {
  it('accepts none, the retirement day and earlier', () => {
    expect(() => checkCreditFacts(undefined, '2013-03-31')).not.toThrow();
    expect(() => checkCreditFacts({}, '2013-03-31')).not.toThrow();
    expect(() => checkCreditFacts({ issuedOn: '2013-03-31' }, '2013-03-31')).not.toThrow();
    expect(() => checkCreditFacts({ issuedOn: '2011-05-01' }, '2013-03-31')).not.toThrow();
  });

  it.each(['', '1', '2013-02-30', '2013-04-01', 20130301])('refuses %p naming creditFacts.issuedOn', (issuedOn) => {
    expect(() => checkCreditFacts({ issuedOn }, '2013-03-31')).toThrow(/creditFacts\.issuedOn/);
  });
});
