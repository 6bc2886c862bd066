/**
 * The collapse rules on a made-up view: a small view is left alone; a big one has its claims
 * grouped per source, then the nodes left hanging from one neighbour grouped per neighbour, kind
 * and relationship; edges to a group carry how many members had them, and the members keep every
 * edge of theirs for when the group opens.
 */
import { describe, expect, it } from 'vitest';
import type { DrawnView } from '../../../web/src/api';
import { COLLAPSE_ABOVE, collapseLeaves } from '../../../web/src/graph/collapse';

/** One source stating `claims` claims, each about its own measure, all attributed to one body. */
function article(claims: number): DrawnView {
  const nodes: DrawnView['nodes'] = [
    { id: 'src:a', kind: 'SOURCE', label: 'An article', hiddenNeighbours: 0 },
    { id: 'org:b', kind: 'ORGANIZATION', label: 'A body', hiddenNeighbours: 0 },
  ];
  const edges: DrawnView['edges'] = [];
  for (let i = 0; i < claims; i++) {
    nodes.push({ id: `claim:${i}`, kind: 'CLAIM', label: `Claim ${i}`, hiddenNeighbours: 0 }, { id: `measure:${i}`, kind: 'MEASURE', label: `Measure ${i}`, hiddenNeighbours: 0 });
    edges.push(
      { id: `s${i}`, source: `claim:${i}`, target: 'src:a', type: 'STATED_IN' },
      { id: `a${i}`, source: `claim:${i}`, target: 'org:b', type: 'ATTRIBUTED_TO' },
      { id: `m${i}`, source: `claim:${i}`, target: `measure:${i}`, type: 'ABOUT' },
    );
  }
  return { nodes, edges };
}

describe('collapseLeaves', () => {
  it('leaves a view of COLLAPSE_ABOVE nodes or fewer as it is', () => {
    const view = article((COLLAPSE_ABOVE - 2) / 2);
    const { view: shown, members } = collapseLeaves(view);
    expect(shown).toBe(view);
    expect(members.size).toBe(0);
  });

  it('groups a big view’s claims per source, and the measures that hang from them alone', () => {
    const view = article(40);
    const { view: shown, members } = collapseLeaves(view, ['claim:0']);
    const ids = shown.nodes.map((n) => n.id).sort();
    expect(ids).toEqual(['claim:0', 'group:group:src:a:CLAIM:STATED_IN:MEASURE:ABOUT', 'group:src:a:CLAIM:STATED_IN', 'measure:0', 'org:b', 'src:a'].sort());
    const claims = shown.nodes.find((n) => n.id === 'group:src:a:CLAIM:STATED_IN')!;
    expect(claims.label).toBe('39 claims in An article');
    expect(claims.properties).toEqual({ collapsed: 39, via: 'STATED_IN' });
    expect(shown.nodes.find((n) => n.id.includes('MEASURE'))!.label).toBe('39 measures');
    // One edge per neighbour and type, counting its members.
    const toBody = shown.edges.filter((e) => e.source === claims.id && e.target === 'org:b');
    expect(toBody).toEqual([{ id: `${claims.id}-ATTRIBUTED_TO->org:b`, source: claims.id, target: 'org:b', type: 'ATTRIBUTED_TO', properties: { count: 39 } }]);
    // Every node and edge is in the view or in exactly one group.
    const all = [...shown.nodes.filter((n) => !members.has(n.id)), ...[...members.values()].flatMap((m) => m.nodes.filter((n) => !members.has(n.id)))];
    expect(all.map((n) => n.id).sort()).toEqual(view.nodes.map((n) => n.id).sort());
    expect(members.get(claims.id)!.edges).toHaveLength(39 * 3);
  });
});
