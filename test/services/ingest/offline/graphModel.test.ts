/**
 * The offline import's in-memory graph: a node is never created twice (its links would be lost
 * silently), the nodes found lately are the graph's own, and clear() lets every node go.
 */
import { describe, expect, it } from 'vitest';
import { GraphModel, instant } from '../../../../src/services/ingest/offline/graphModel.js';

describe('GraphModel', () => {
  it('refuses a second node with an id, finds what it holds, and forgets all when cleared', () => {
    const model = new GraphModel();
    const a = model.create('claim:a', 'Claim', { text: 'a', quote: null });
    expect(a.props).toEqual({ text: 'a' });
    expect(model.get('claim:a')).toBe(a);
    expect(model.get('claim:a')).toBe(a);
    expect(() => model.createOwning('claim:a', 'Claim', {})).toThrow(/claim:a was created twice/);
    const made = Array.from({ length: 5000 }, (_, i) => model.create(`claim:n${i}`, 'Claim', {}));
    // More than the nodes found lately hold, twice over: each found is the node made.
    for (let round = 0; round < 2; round++) for (const [i, node] of made.entries()) expect(model.get(`claim:n${i}`)).toBe(node);
    expect(model.get('claim:missing')).toBeUndefined();
    model.clear();
    expect(model.nodes.size).toBe(0);
    expect(model.get('claim:a')).toBeUndefined();
  });
});

describe('instant', () => {
  it('reads each time as the database layer does, the same one twice or another after it', () => {
    expect(instant('2025-03-01T10:00:00Z')).toBe('2025-03-01T10:00:00.000Z');
    expect(instant('2025-03-01T10:00:00Z')).toBe('2025-03-01T10:00:00.000Z');
    expect(instant('2025-03-01T12:00:00+02:00')).toBe('2025-03-01T10:00:00.000Z');
    expect(instant('2024-12-31')).toBe('2024-12-31T00:00:00.000Z');
  });
});
