/** The unit table: conversions within a dimension, none across. */
import { describe, expect, it } from 'vitest';
import { isShareUnit, resolveUnit, unitConversion } from '../../../src/services/provenance/units.js';

describe('unitConversion', () => {
  it('converts within a dimension, whatever the spelling', () => {
    expect(unitConversion('km²', 'm2')!.factor).toBe(1e6);
    expect(unitConversion('square miles', 'km2')!.factor).toBeCloseTo(2.589988110336, 12);
    expect(unitConversion('ha', 'Sq  Km')!.factor).toBeCloseTo(0.01, 12);
    expect(unitConversion('miles', 'km')!.factor).toBeCloseTo(1.609344, 12);
    expect(unitConversion('weeks', 'days')!.factor).toBe(7);
    expect(unitConversion('percent', 'fraction')!.factor).toBe(0.01);
  });

  it('scales counts by thousand, million and billion of the same thing', () => {
    expect(unitConversion('thousand persons', 'persons')!.factor).toBe(1000);
    expect(unitConversion('persons', 'millions of persons')!.factor).toBe(1e-6);
    expect(resolveUnit('Billion USD')).toMatchObject({ dimension: 'count:usd', factor: 1e9 });
  });

  it('treats equal or unstated units as the same, and refuses different dimensions', () => {
    expect(unitConversion('buses', 'buses')!.factor).toBe(1);
    expect(unitConversion(null, 'persons')!.factor).toBe(1);
    expect(unitConversion('persons', 'divisions')).toBeNull();
    expect(unitConversion('km2', 'km')).toBeNull();
    expect(unitConversion('thousand persons', 'thousand tanks')).toBeNull();
  });

  it('knows a share unit', () => {
    expect(isShareUnit('%')).toBe(true);
    expect(isShareUnit('persons')).toBe(false);
  });
});
