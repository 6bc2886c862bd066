/**
 * Any other node (a source, region, measure, period): its neighbourhood as a graph, with its card;
 * how far (depth 1..3), how much (up to 1,000 nodes) and whether a big view's leaves are grouped
 * (graph/collapse.ts; `all` draws every node) are in the URL.
 */
import { neighbourhood } from '../api';
import { h } from '../dom';
import { COLLAPSE_ABOVE } from '../graph/collapse';
import { GraphExplorer } from '../graph/explorer';
import { go } from '../router';
import { nodeCardPanel } from './nodeCard';

export async function nodeView(main: HTMLElement, id: string, depthArg?: number, limitArg?: number, all = false): Promise<() => void> {
  const depth = Math.min(3, Math.max(1, depthArg ?? 1));
  const limit = Math.min(1000, Math.max(1, limitArg ?? 200));
  const view = await neighbourhood([id], depth, limit);
  const self = view.nodes.find((n) => n.id === id);
  if (!self) {
    main.append(h('p', { class: 'error', role: 'alert' }, `No node with id “${id}”.`));
    return () => {};
  }
  const card = nodeCardPanel();
  const explorer = new GraphExplorer({ layout: 'fcose', focus: [id], collapse: !all, onSelect: (n) => card.show(n, explorer) });
  const depthBox = h(
    'select',
    { id: 'nb-depth' },
    [1, 2, 3].map((d) => h('option', { value: d, selected: d === depth }, String(d))),
  );
  const limitBox = h(
    'select',
    { id: 'nb-limit' },
    [50, 200, 500, 1000].map((l) => h('option', { value: l, selected: l === limit }, String(l))),
  );
  const allBox = h('input', { type: 'checkbox', id: 'nb-all', checked: all });
  const apply = () => go({ view: 'node', id, depth: Number(depthBox.value), limit: Number(limitBox.value), all: allBox.checked || undefined });
  for (const box of [depthBox, limitBox, allBox]) box.addEventListener('change', apply);
  main.append(
    h('h1', {}, self.label),
    h('p', { class: 'kind' }, self.kind.toLowerCase(), ' ', h('code', {}, id)),
    h(
      'p',
      { class: 'neighbourhood-controls' },
      h('label', { for: 'nb-depth' }, 'Hops '),
      depthBox,
      ' ',
      h('label', { for: 'nb-limit' }, 'at most '),
      limitBox,
      ' nodes',
      view.truncated ? h('span', { class: 'note' }, ' (cut at the limit)') : null,
      ' ',
      allBox,
      h('label', { for: 'nb-all', title: `Views of more than ${COLLAPSE_ABOVE} nodes group the nodes that hang from a single neighbour` }, ' every node, ungrouped'),
    ),
    h('div', { class: 'graph-with-card' }, explorer.root, card.panel),
  );
  explorer.show(view);
  explorer.selectById(id);
  return () => explorer.destroy();
}
