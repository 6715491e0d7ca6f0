/**
 * Every number and date the rulebooks rely on, in one place, so a correction is a one-line change.
 * Items marked UNCONFIRMED are not settled by the seeds (or the seeds disagree); see the notes.
 */
export const RULEBOOK_PARAMETERS = Object.freeze({
  cn2011: Object.freeze({
    /**
     * UNCONFIRMED: the seed is a draft dated 2011-07-20 (seed 002); the trial programme opened
     * applications 2011-09-08 (seed 003). We date the rulebook from the draft.
     */
    effectiveFrom: '2011-07-20',
    /** Seed 002 annex, 附則: the annex is abolished on 2013-03-31 (平成25年3月31日に廃止). */
    annexEndsOn: '2013-03-31',
    /** 2.1.2 ③: target period of 1 year or more. */
    targetPeriodMinMonths: 12,
    /** 2.1.2 ④: base year from FY1990 (平成2年度) on. */
    baseYearMinFiscalYear: 1990,
    /** 2.3.3 ①: validity starts within 6 months of certification and lasts at most 1 year. */
    validityStartWithinMonths: 6,
    validityMaxMonths: 12,
    /** 3.1.4: CN application within 6 months of the target period's end. */
    cnApplicationWithinMonthsOfTargetEnd: 6,
    plan: Object.freeze({
      /** 3.1.2 ①–④. */
      planStartWithinMonthsOfApplication: 12,
      planStartToTargetEndMaxMonths: 24,
      planEndWithinMonthsOfTargetEnd: 6,
      targetStartWithinMonthsOfPlanStart: 12,
      /** Annex 4 ⑥: apply within 1 year of the plan's start; 5 years until 2012-03-31 (平成24年3月31日). */
      annex4: Object.freeze({ applyWithinMonthsOfPlanStart: 12, extendedApplyWithinMonths: 60, extendedUntil: '2012-03-31' }),
    }),
    transitional: Object.freeze({
      /**
       * UNCONFIRMED, the seeds disagree: seed 002 annex 2 (draft 2011-07-20) says credits issued in
       * FY2011 or earlier (平成23年度以前); seed 003 (later overview slides) says issued by FY2012
       * (平成24年度まで). DOMAIN.md follows seed 003; so do we. Set to 2011 for the draft's reading.
       */
      issuedByFiscalYear: 2012,
      /** Seed 002 annex 2 and seed 003: the fully eligible credits are "the majority" (過半) of the total. */
      fullyEligibleShareAbove: Object.freeze({ numerator: 1n, denominator: 2n }),
    }),
  }),
  cfpV5_1: Object.freeze({
    /** Seed 004 revision history: Ver. 5.1 revised 2019-12-11. No later version is known here. */
    effectiveFrom: '2019-12-11',
  }),
});
