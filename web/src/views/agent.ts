/**
 * An organization or a person: the card, the claims attributed to it (paged; an organization's
 * with its subsidiaries and people when asked), its subsidiaries and people, its neighbourhood
 * as a graph, and a way into a cross-reference.
 */
import { neighbourhood, read } from '../api';
import { fill, h } from '../dom';
import { GraphExplorer } from '../graph/explorer';
import { go } from '../router';
import { nodeLink, periodText } from './format';
import { nodeCardPanel } from './nodeCard';

interface Page {
  totalCount: number;
  edges: { cursor: string; node: { id: string; text: string; period: { label: string | null; start: string; end: string | null; granularity: string | null } | null } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const CLAIM_PAGE = 'totalCount edges { cursor node { id text period { label start end granularity } } } pageInfo { hasNextPage endCursor }';

export async function agentView(main: HTMLElement, id: string, kind: 'org' | 'person'): Promise<() => void> {
  const isOrg = kind === 'org';
  const query = isOrg
    ? `query($id: ID!) { agent: organization(id: $id) { id name aliases kind reliability partOf { id name } subsidiaries { id name } people { title person { id name } } } }`
    : `query($id: ID!) { agent: person(id: $id) { id name aliases roles { title from to organization { id name } } } }`;
  const { agent } = await read<{ agent: any }>(query, { id });
  if (!agent) {
    main.append(h('p', { class: 'error', role: 'alert' }, `No ${isOrg ? 'organization' : 'person'} with id “${id}”.`));
    return () => {};
  }
  main.append(
    h(
      'article',
      { class: 'card', 'data-testid': 'agent-card' },
      h('p', { class: 'kind' }, isOrg ? '⬢ Organization' : '● Person'),
      h('h1', {}, agent.name),
      agent.aliases?.length ? h('p', { class: 'aliases' }, `Also: ${agent.aliases.join(', ')}`) : null,
      h(
        'dl',
        {},
        isOrg && agent.kind ? [h('dt', {}, 'Kind'), h('dd', {}, agent.kind)] : null,
        isOrg && agent.reliability ? [h('dt', {}, 'Reliability'), h('dd', {}, agent.reliability)] : null,
        isOrg && agent.partOf ? [h('dt', {}, 'Part of'), h('dd', {}, nodeLink(agent.partOf.id, agent.partOf.name))] : null,
        isOrg ? [h('dt', {}, 'Subsidiaries'), h('dd', {}, agent.subsidiaries.length ? agent.subsidiaries.map((s: any, i: number) => [i ? ', ' : '', nodeLink(s.id, s.name)]) : 'none known')] : null,
        isOrg
          ? [
              h('dt', {}, 'People'),
              h('dd', {}, agent.people.length ? agent.people.map((r: any, i: number) => [i ? ', ' : '', nodeLink(r.person.id, r.person.name), r.title ? ` (${r.title})` : '']) : 'none known'),
            ]
          : null,
        !isOrg
          ? [
              h('dt', {}, 'Roles'),
              h(
                'dd',
                {},
                agent.roles.length
                  ? agent.roles.map((r: any, i: number) => [i ? ', ' : '', r.title ? `${r.title}, ` : '', nodeLink(r.organization.id, r.organization.name), r.from ? ` since ${r.from}` : ''])
                  : 'none known',
              ),
            ]
          : null,
      ),
      isOrg ? h('p', {}, h('button', { type: 'button', onclick: () => go({ view: 'xref', ids: [id] }) }, 'Cross-reference with other organizations…')) : null,
    ),
  );

  // Claims, a page at a time.
  const list = h('ol', { class: 'claims', 'data-testid': 'agent-claims' });
  const more = h('button', { type: 'button', hidden: true }, 'More claims');
  const count = h('p', { class: 'count' });
  let includeSubsidiaries = isOrg;
  let after: string | null = null;
  const load = async (reset: boolean) => {
    if (reset) {
      after = null;
      fill(list);
    }
    const field = isOrg ? `claims(first: 20, after: $after, includeSubsidiaries: ${includeSubsidiaries})` : 'claims(first: 20, after: $after)';
    const d = await read<{ agent: { claims: Page } }>(`query($id: ID!, $after: String) { agent: ${isOrg ? 'organization' : 'person'}(id: $id) { ${field} { ${CLAIM_PAGE} } } }`, { id, after });
    const page = d.agent.claims;
    list.append(...page.edges.map((e) => h('li', {}, nodeLink(e.node.id, e.node.text), e.node.period ? h('span', { class: 'note' }, ` — ${periodText(e.node.period)}`) : null)));
    count.textContent = `${page.totalCount} claim${page.totalCount === 1 ? '' : 's'}${isOrg && includeSubsidiaries ? ', with its subsidiaries and people' : ''}.`;
    after = page.pageInfo.endCursor;
    more.hidden = !page.pageInfo.hasNextPage;
  };
  more.addEventListener('click', () => void load(false));
  main.append(
    h(
      'section',
      { 'aria-labelledby': 'claims-title' },
      h('h2', { id: 'claims-title' }, 'Claims attributed'),
      isOrg
        ? h(
            'label',
            {},
            h('input', { type: 'checkbox', checked: includeSubsidiaries, onchange: (e: Event) => ((includeSubsidiaries = (e.target as HTMLInputElement).checked), void load(true)) }),
            ' include subsidiaries and people',
          )
        : null,
      count,
      list,
      more,
    ),
  );
  await load(true);

  const card = nodeCardPanel();
  const explorer = new GraphExplorer({ layout: 'fcose', focus: [id], onSelect: (n) => card.show(n, explorer) });
  main.append(h('section', { 'aria-labelledby': 'graph-title' }, h('h2', { id: 'graph-title' }, 'Neighbourhood'), h('div', { class: 'graph-with-card' }, explorer.root, card.panel)));
  explorer.show(await neighbourhood([id], 1, 150));
  return () => explorer.destroy();
}
