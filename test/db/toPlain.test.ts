/** Driver values become plain JSON at the database boundary. */
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { toPlain } from '../../src/db/toPlain.js';

describe('toPlain', () => {
  it('turns Integers into numbers, and unsafe ones into strings', () => {
    expect(toPlain(neo4j.int(42))).toBe(42);
    expect(toPlain(neo4j.int('9007199254740993'))).toBe('9007199254740993');
  });

  it('turns temporals into ISO strings', () => {
    expect(toPlain(new neo4j.types.Date(2024, 8, 31))).toBe('2024-08-31');
    expect(toPlain(new neo4j.types.DateTime(2025, 12, 1, 10, 30, 0, 0, 0))).toBe('2025-12-01T10:30:00.000Z');
  });

  it('recurses into lists and maps', () => {
    expect(toPlain({ a: [neo4j.int(1), { b: new neo4j.types.Date(2025, 1, 2) }], c: null })).toEqual({ a: [1, { b: '2025-01-02' }], c: null });
  });
});
