/**
 * Cross-reference of 2–10 organizations: a picker (search to add, remove), then their shared
 * measures, the agreeing and conflicting figures side by side, the derivations between their
 * sources, the sources drawing on several, and the graph of it all.
 */
import { read } from '../api';
import { CrossReferenceViewDocument, OrganizationNamesDocument, OrganizationSearchDocument, type ClaimPairFieldsFragment } from '../generated/graphql';
import { fill, h } from '../dom';
import { GraphExplorer } from '../graph/explorer';
import { go } from '../router';
import { allenText, gapText, nodeLink } from './format';
import { statusBadge } from './status';
import { nodeCardPanel } from './nodeCard';

type Pair = ClaimPairFieldsFragment;

function picker(ids: string[], names: Map<string, string>): HTMLElement {
  const chosen = h(
    'ul',
    { class: 'chosen', 'aria-label': 'Organizations chosen' },
    ids.map((id) =>
      h('li', {}, names.get(id) ?? id, ' ', h('button', { type: 'button', 'aria-label': `Remove ${names.get(id) ?? id}`, onclick: () => go({ view: 'xref', ids: ids.filter((x) => x !== id) }) }, '✕')),
    ),
  );
  const input = h('input', { type: 'search', id: 'xref-add', placeholder: 'Add an organization by name…', autocomplete: 'off' });
  const options = h('ul', { class: 'options', 'data-testid': 'xref-options' });
  let timer: number | undefined;
  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(async () => {
      const text = input.value.trim();
      if (text.length < 2) return fill(options);
      const d = await read(OrganizationSearchDocument, { text });
      fill(
        options,
        d.search
          .filter((x) => !ids.includes(x.id))
          .map((x) => h('li', {}, h('button', { type: 'button', disabled: ids.length >= 10, onclick: () => go({ view: 'xref', ids: [...ids, x.id] }) }, `Add ${x.label}`))),
      );
    }, 200);
  });
  return h(
    'section',
    { class: 'card xref-picker', 'aria-labelledby': 'xref-pick' },
    h('h1', { id: 'xref-pick' }, 'Cross-reference'),
    h('p', {}, 'Where do 2 to 10 organizations’ figures agree, conflict, or draw on each other?'),
    chosen,
    h('label', { for: 'xref-add' }, 'Add: '),
    input,
    options,
  );
}

function pairTable(pairs: Pair[], verdict: 'AGREES' | 'CONFLICTS'): HTMLElement {
  const icon = verdict === 'AGREES' ? '✔ Agree' : '✖ Conflict';
  if (!pairs.length) return h('p', {}, verdict === 'AGREES' ? 'No agreeing figures.' : 'No conflicting figures.');
  const who = (p: Pair['a']) => p.attributedTo.map((x) => x.name).join(', ');
  return h(
    'table',
    { 'data-verdict': verdict },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ['', 'One says', 'The other says', 'Gap', 'Periods'].map((t) => h('th', { scope: 'col' }, t)),
      ),
    ),
    h(
      'tbody',
      {},
      pairs.map((p) =>
        h(
          'tr',
          { class: verdict === 'AGREES' ? 'agree' : 'conflict' },
          h('td', {}, icon),
          h('td', {}, nodeLink(p.a.id, p.a.text), statusBadge(p.a.status), h('span', { class: 'note' }, who(p.a) ? ` — ${who(p.a)}` : '')),
          h(
            'td',
            {},
            nodeLink(p.b.id, p.b.text),
            statusBadge(p.b.status),
            h('span', { class: 'note' }, who(p.b) ? ` — ${who(p.b)}` : ''),
            p.scopeUnstated ? h('span', { class: 'note' }, ' (scope unstated)') : null,
          ),
          h('td', {}, gapText(p.gap)),
          h('td', {}, allenText(p.allenRelation)),
        ),
      ),
    ),
  );
}

export async function crossReferenceView(main: HTMLElement, ids: string[]): Promise<() => void> {
  const names = new Map<string, string>();
  if (ids.length) {
    const d = await read(OrganizationNamesDocument, { ids }).catch(() => ({ nodes: [] }));
    for (const n of d.nodes) if (n && 'name' in n && n.name) names.set(n.id, n.name);
  }
  main.append(picker(ids, names));
  if (ids.length < 2) {
    main.append(h('p', { class: 'hint' }, 'Add at least two organizations.'));
    return () => {};
  }
  const d = await read(CrossReferenceViewDocument, { ids });
  const x = d.crossReference;
  if (!x) {
    main.append(h('p', { class: 'error', role: 'alert' }, 'No cross-reference of these organizations.'));
    return () => {};
  }
  const result = h(
    'section',
    { class: 'xref', 'data-testid': 'xref-result', 'aria-label': 'Cross-reference result' },
    h('h2', {}, x.organizations.map((o) => o.name).join(' × ')),
    x.truncated ? h('p', { class: 'banner warn', role: 'status' }, 'Only part of their claims was compared (5,000 per organization, 200 pairs listed per kind).') : null,
    h('p', {}, h('strong', {}, 'Shared measures: '), x.sharedMeasures.length ? x.sharedMeasures.map((m, i) => [i ? ', ' : '', nodeLink(m.id, m.name)]) : 'none'),
    h('p', {}, h('strong', {}, 'Shared regions: '), x.sharedRegions.length ? x.sharedRegions.map((m, i) => [i ? ', ' : '', nodeLink(m.id, m.name)]) : 'none'),
    h(
      'div',
      { class: 'side-by-side' },
      h('section', {}, h('h3', {}, `✔ Agreements (${x.agreements.length})`), pairTable(x.agreements, 'AGREES')),
      h('section', {}, h('h3', {}, `✖ Conflicts (${x.conflicts.length})`), pairTable(x.conflicts, 'CONFLICTS')),
    ),
    h('h3', {}, 'Derivations between their sources'),
    x.derivations.length
      ? h(
          'ul',
          {},
          x.derivations.map((dv) =>
            h(
              'li',
              {},
              nodeLink(dv.source.id, dv.source.title ?? dv.source.id),
              ` ${dv.kind.toLowerCase().replace(/_/g, ' ')} `,
              nodeLink(dv.derivedFrom.id, dv.derivedFrom.title ?? dv.derivedFrom.id),
            ),
          ),
        )
      : h('p', {}, 'None.'),
    h('h3', {}, 'Sources drawing on several of them'),
    x.commonSources.length
      ? h(
          'ul',
          {},
          x.commonSources.map((s) => h('li', {}, nodeLink(s.id, s.title ?? s.id))),
        )
      : h('p', {}, 'None.'),
  );
  main.append(result);
  const card = nodeCardPanel();
  const explorer = new GraphExplorer({ layout: 'fcose', focus: ids, onSelect: (n) => card.show(n, explorer) });
  main.append(h('section', { 'aria-label': 'Cross-reference graph' }, h('h3', {}, 'Graph'), h('div', { class: 'graph-with-card' }, explorer.root, card.panel)));
  explorer.show(x.graph);
  return () => explorer.destroy();
}
