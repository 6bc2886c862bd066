/** The card of a node picked in a graph: what it is, its properties, and what can be done with it. */
import { fill, h } from '../dom';
import { isGroupId } from '../graph/collapse';
import type { GraphExplorer, SelectedNode } from '../graph/explorer';
import { KINDS } from '../graph/style';
import { hrefOf, routeOfNode } from '../router';
import { dateText, inferGranularity } from './format';

/** Properties that hold a date: shown to the precision they were stated in. */
const DATE_PROPERTY = /(?:At|Start|End|^start|^end)$/;

/** A side panel that shows the card of whatever node is picked. */
export function nodeCardPanel(): { panel: HTMLElement; show: (n: SelectedNode, explorer: GraphExplorer) => void } {
  const panel = h('aside', { class: 'node-card', 'data-testid': 'node-card', 'aria-live': 'polite' }, h('p', { class: 'hint' }, 'Click a node (or pick one in the node list) for its card.'));
  const show = (n: SelectedNode, explorer: GraphExplorer) => {
    if (isGroupId(n.id)) return showGroup(n, explorer);
    const kind = KINDS.find((k) => k.kind === n.kind);
    const p = (n.properties ?? {}) as Record<string, string | undefined>;
    const granularity = p.granularity ?? inferGranularity(p.periodStart ?? p.start, p.periodEnd ?? p.end);
    const props = Object.entries(n.properties ?? {}).filter(([k, v]) => v != null && v !== '' && !['ownerSourceId'].includes(k) && !k.endsWith('Precision'));
    fill(
      panel,
      h('p', { class: 'kind' }, `${kind?.glyph ?? ''} ${kind?.name ?? n.kind}`),
      h('h3', {}, n.label),
      h('p', { class: 'id' }, h('code', {}, n.id)),
      props.length
        ? h(
            'dl',
            {},
            props.flatMap(([k, v]) => [
              h('dt', {}, k),
              h(
                'dd',
                {},
                Array.isArray(v)
                  ? v.join(', ')
                  : typeof v === 'object'
                    ? JSON.stringify(v)
                    : typeof v === 'string' && DATE_PROPERTY.test(k)
                      ? dateText(v, p[`${k}Precision`] ?? granularity)
                      : String(v),
              ),
            ]),
          )
        : null,
      h(
        'p',
        { class: 'actions' },
        h('a', { href: hrefOf(routeOfNode(n.id)), 'data-link': true }, 'Open'),
        ' ',
        h('button', { type: 'button', onclick: () => void explorer.expand(n.id) }, n.hiddenNeighbours > 0 ? `Expand (+${n.hiddenNeighbours})` : 'Expand'),
      ),
    );
  };
  /** A collapsed group (graph/collapse.ts) is no node of the graph: its card offers to open it. */
  const showGroup = (n: SelectedNode, explorer: GraphExplorer) => {
    const kind = KINDS.find((k) => k.kind === n.kind);
    fill(
      panel,
      h('p', { class: 'kind' }, `${kind?.glyph ?? ''} Group of ${kind?.name.toLowerCase() ?? n.kind}s`),
      h('h3', {}, n.label),
      h('p', {}, `Each has no other neighbour in this view than the node it hangs from (by ${String(n.properties.via)}).`),
      h('p', { class: 'actions' }, h('button', { type: 'button', onclick: () => void explorer.expand(n.id) }, `Show the ${n.label}`)),
    );
  };
  return { panel, show };
}
