import { checkOnePlanPerEntity } from './cn-plan-certification';
import { CN_PLAN_RULEBOOK_2011 } from './cn-rulebook-2011';

const plan = CN_PLAN_RULEBOOK_2011;

describe('CNP-3.1.6 one plan application per entity (seed 002 3.1.6 「同一の者によって一回に限り」)', () => {
  it('the first plan application passes; the second fails unless the certifier allows it', () => {
    expect(checkOnePlanPerEntity({ priorPlanApplications: 0, allowedByCertifier: false }, plan)).toEqual([]);
    expect(checkOnePlanPerEntity({ priorPlanApplications: 1, allowedByCertifier: false }, plan)).toEqual([
      expect.objectContaining({ rule: 'CNP-3.1.6', severity: 'error' }),
    ]);
    expect(checkOnePlanPerEntity({ priorPlanApplications: 1, allowedByCertifier: true }, plan)).toEqual([]);
  });
});
