/**
 * The validator on raw JSON, as `claimgraph import` hands it over (no GraphQL coercion in
 * front): wrong JSON types, truncated-date rules, and the problem list with paths.
 */
import { describe, expect, it } from 'vitest';
import { parseTruncatedDate } from '../../../src/services/ingest/dates.js';
import { validateDocument } from '../../../src/services/ingest/validateDocument.js';
import { fixture } from '../../helpers/graph.js';

function problemsOf(doc: unknown): { path: string; message: string }[] {
  try {
    validateDocument(doc);
  } catch (err) {
    return (err as { extensions: { problems: { path: string; message: string }[] } }).extensions.problems;
  }
  return [];
}

describe('truncated dates', () => {
  it('resolve a truncated start to the first day and a truncated end to the last', () => {
    expect(parseTruncatedDate('2024', 'start')).toEqual({ date: '2024-01-01', precision: 'YEAR' });
    expect(parseTruncatedDate('2024', 'end')).toEqual({ date: '2024-12-31', precision: 'YEAR' });
    expect(parseTruncatedDate('2024-02', 'end')).toEqual({ date: '2024-02-29', precision: 'MONTH' });
    expect(parseTruncatedDate('2023-02', 'end')).toEqual({ date: '2023-02-28', precision: 'MONTH' });
    expect(parseTruncatedDate('2025-06-01T10:00:00+02:00', 'start')).toMatchObject({ date: '2025-06-01', instant: '2025-06-01T08:00:00.000Z' });
  });

  it('refuse impossible dates with a reason', () => {
    expect(parseTruncatedDate('2023-02-29', 'start')).toMatch(/does not have/);
    expect(parseTruncatedDate('2025-00', 'start')).toMatch(/month 00/);
    expect(parseTruncatedDate('25-06-01', 'start')).toMatch(/not an ISO 8601 date/);
    expect(parseTruncatedDate(2025, 'start')).toMatch(/must be a date string/);
  });
});

describe('validateDocument on raw JSON', () => {
  it('accepts the fixture and resolves an absent period end to the end of the start', () => {
    const doc = validateDocument(fixture('minimal.json'));
    expect(doc.claims[0]).toMatchObject({ periodStart: '2025-06-01', periodEnd: '2025-06-30', statedAt: '2025-06-15T00:00:00.000Z' });
    expect(doc.periods.map((p) => p.id)).toEqual(['period:2025-06-01_2025-06-30_month', 'period:2025-01-01_2025-12-31_week']);
  });

  it('reads "end": null as an open-ended period', () => {
    const raw = fixture('minimal.json');
    raw.claims[0].period = { start: '2023-06', end: null };
    expect(validateDocument(raw).claims[0]).toMatchObject({ periodStart: '2023-06-01', periodEnd: null });
  });

  it('rejects a document that is not an object', () => {
    expect(problemsOf([1, 2])).toEqual([{ path: '$', message: 'must be an object, got an array' }]);
    expect(problemsOf(null)[0].path).toBe('$');
  });

  it('rejects wrong JSON types with their paths, all at once', () => {
    const raw = fixture('minimal.json');
    raw.claims[0].quantity.value = '100';
    raw.claims[1].regions = 'region:fixtureland';
    raw.organizations[0].aliases = [1, 'ok'];
    raw.claims[0].confidence = null;
    raw.source.derivedFrom = {};
    expect(problemsOf(raw).map((p) => p.path)).toEqual(expect.arrayContaining(['claims[0].quantity.value', 'claims[1].regions', 'organizations[0].aliases[0]', 'source.derivedFrom']));
  });

  it('rejects a document with more claims than one transaction should carry', () => {
    const raw = fixture('minimal.json');
    raw.claims = Array.from({ length: 20_001 }, (_, i) => ({ id: `claim:c${i}`, text: 't' }));
    expect(problemsOf(raw)[0]).toMatchObject({ path: 'claims', message: expect.stringMatching(/at most 20000/) });
  });
});
