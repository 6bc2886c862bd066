/**
 * Figures as intervals: the tolerance of APPROX and ALMOST follows the figure's rounding unit
 * (stated, or inferred from its trailing zeros or decimals), at the edges: touching intervals,
 * precision 1, percentages.
 */
import { describe, expect, it } from 'vitest';
import type { ComparableClaim } from '../../../src/services/provenance/comparable.js';
import { compareClaims } from '../../../src/services/provenance/compareClaims.js';
import { roundingUnit, toInterval } from '../../../src/services/provenance/intervals.js';

const figure = (value: number, bound: string, precision: number | null = null): ComparableClaim => ({
  value,
  low: null,
  high: null,
  bound,
  precision,
  aggregation: 'PERIOD_TOTAL',
  per: null,
  unit: 'persons',
  period: { start: '2025-01-01', end: '2025-12-31' },
});

describe('rounding units', () => {
  it('are inferred from trailing zeros and decimals, or taken as stated', () => {
    expect(roundingUnit(350_000)).toBe(10_000);
    expect(roundingUnit(420_000)).toBe(10_000);
    expect(roundingUnit(1_213_460)).toBe(10);
    expect(roundingUnit(7)).toBe(1);
    expect(roundingUnit(-3_000)).toBe(1_000);
    expect(roundingUnit(0.8)).toBeCloseTo(0.1);
    expect(roundingUnit(2.25)).toBeCloseTo(0.01);
    expect(roundingUnit(0)).toBe(1);
    expect(roundingUnit(455_000, 5_000)).toBe(5_000);
  });
});

describe('intervals', () => {
  it('APPROX spans half a rounding unit either side; ALMOST the unit just below', () => {
    expect(toInterval(figure(350_000, 'APPROX'))).toEqual({ lo: 345_000, hi: 355_000 });
    expect(toInterval(figure(7, 'APPROX'))).toEqual({ lo: 6.5, hi: 7.5 });
    expect(toInterval(figure(351, 'APPROX'))).toEqual({ lo: 350.5, hi: 351.5 });
    expect(toInterval(figure(351, 'APPROX', 1))).toEqual({ lo: 350.5, hi: 351.5 });
    expect(toInterval(figure(420_000, 'ALMOST'))).toEqual({ lo: 410_000, hi: 420_000 });
    expect(toInterval(figure(4, 'ALMOST'))).toEqual({ lo: 3, hi: 4 });
    expect(toInterval(figure(455_000, 'APPROX', 5_000))).toEqual({ lo: 452_500, hi: 457_500 });
  });

  it('"almost 420,000" and "about 455,000" conflict, 34,500 apart, and the reason shows both intervals', () => {
    const out = compareClaims(figure(420_000, 'ALMOST'), figure(455_000, 'APPROX'));
    expect(out).toMatchObject({ verdict: 'CONFLICTS', gap: 34_500 });
    expect(out.reason).toBe('their value intervals [410,000, 420,000] and [454,500, 455,500] are 34,500 apart');
  });

  it('touching intervals agree; one past the edge conflicts', () => {
    expect(compareClaims(figure(420_000, 'ALMOST'), figure(420_000, 'EXACT')).verdict).toBe('AGREES');
    expect(compareClaims(figure(420_000, 'ALMOST'), figure(410_000, 'EXACT')).verdict).toBe('AGREES');
    expect(compareClaims(figure(420_000, 'ALMOST'), figure(420_001, 'EXACT'))).toMatchObject({ verdict: 'CONFLICTS', gap: 1 });
    expect(compareClaims(figure(350_000, 'APPROX'), figure(355_000, 'EXACT')).verdict).toBe('AGREES');
    expect(compareClaims(figure(350_000, 'APPROX'), figure(355_001, 'EXACT'))).toMatchObject({ verdict: 'CONFLICTS', gap: 1 });
    // Percentages: "about 7%" is 6.5..7.5.
    expect(compareClaims({ ...figure(7, 'APPROX'), unit: 'percent' }, { ...figure(7.5, 'EXACT'), unit: 'percent' }).verdict).toBe('AGREES');
    expect(compareClaims({ ...figure(7, 'APPROX'), unit: 'percent' }, { ...figure(8, 'EXACT'), unit: 'percent' })).toMatchObject({ verdict: 'CONFLICTS', gap: 0.5 });
  });
});
