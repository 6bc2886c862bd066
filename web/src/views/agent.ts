/**
 * An organization or a person: the card, the claims attributed to it (paged; an organization's
 * with its subsidiaries and people when asked), its subsidiaries and people, its neighbourhood
 * as a graph, and a way into a cross-reference.
 */
import { neighbourhood, read } from '../api';
import { OrganizationClaimsDocument, OrganizationViewDocument, PersonClaimsDocument, PersonViewDocument } from '../generated/graphql';
import { fill, h } from '../dom';
import { GraphExplorer } from '../graph/explorer';
import { go } from '../router';
import { nodeLink, periodText } from './format';
import { nodeCardPanel } from './nodeCard';

export async function agentView(main: HTMLElement, id: string, kind: 'org' | 'person'): Promise<() => void> {
  const isOrg = kind === 'org';
  const org = isOrg ? (await read(OrganizationViewDocument, { id })).organization : null;
  const person = isOrg ? null : (await read(PersonViewDocument, { id })).person;
  const agent = org ?? person;
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
        org?.kind ? [h('dt', {}, 'Kind'), h('dd', {}, org.kind)] : null,
        org?.reliability ? [h('dt', {}, 'Reliability'), h('dd', {}, org.reliability)] : null,
        org?.partOf ? [h('dt', {}, 'Part of'), h('dd', {}, nodeLink(org.partOf.id, org.partOf.name))] : null,
        org ? [h('dt', {}, 'Subsidiaries'), h('dd', {}, org.subsidiaries.length ? org.subsidiaries.map((s, i) => [i ? ', ' : '', nodeLink(s.id, s.name)]) : 'none known')] : null,
        org
          ? [h('dt', {}, 'People'), h('dd', {}, org.people.length ? org.people.map((r, i) => [i ? ', ' : '', nodeLink(r.person.id, r.person.name), r.title ? ` (${r.title})` : '']) : 'none known')]
          : null,
        person
          ? [
              h('dt', {}, 'Roles'),
              h(
                'dd',
                {},
                person.roles.length
                  ? person.roles.map((r, i) => [i ? ', ' : '', r.title ? `${r.title}, ` : '', nodeLink(r.organization.id, r.organization.name), r.from ? ` since ${r.from}` : ''])
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
    const page = isOrg ? (await read(OrganizationClaimsDocument, { id, after, includeSubsidiaries })).organization?.claims : (await read(PersonClaimsDocument, { id, after })).person?.claims;
    if (!page) return;
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
