/** Any other node (a source, region, measure, period): its neighbourhood as a graph, with its card. */
import { neighbourhood } from '../api';
import { h } from '../dom';
import { GraphExplorer } from '../graph/explorer';
import { nodeCardPanel } from './nodeCard';

export async function nodeView(main: HTMLElement, id: string): Promise<() => void> {
  const view = await neighbourhood([id], 1, 200);
  const self = view.nodes.find((n) => n.id === id);
  if (!self) {
    main.append(h('p', { class: 'error', role: 'alert' }, `No node with id “${id}”.`));
    return () => {};
  }
  const card = nodeCardPanel();
  const explorer = new GraphExplorer({ layout: 'fcose', focus: [id], onSelect: (n) => card.show(n, explorer) });
  main.append(h('h1', {}, self.label), h('p', { class: 'kind' }, self.kind.toLowerCase(), ' ', h('code', {}, id)), h('div', { class: 'graph-with-card' }, explorer.root, card.panel));
  explorer.show(view);
  explorer.selectById(id);
  return () => explorer.destroy();
}
