/**
 * The view lives in the URL, so a view can be shared and back/forward work: `/?claim=<id>`,
 * `/?org=<id>`, `/?person=<id>`, `/?node=<id>` (`&depth=`, `&limit=`, `&all=1` for every node ungrouped), `/?xref=<id>,<id>`, `/?q=<search>`, `/?review` (an article's draft).
 */
export type Route =
  | { view: 'home' }
  | { view: 'claim'; id: string }
  | { view: 'org'; id: string }
  | { view: 'person'; id: string }
  | { view: 'node'; id: string; depth?: number; limit?: number; all?: boolean }
  | { view: 'xref'; ids: string[] }
  | { view: 'review' };

export function currentRoute(): Route {
  const q = new URLSearchParams(location.search);
  if (q.get('claim')) return { view: 'claim', id: q.get('claim')! };
  if (q.get('org')) return { view: 'org', id: q.get('org')! };
  if (q.get('person')) return { view: 'person', id: q.get('person')! };
  if (q.get('node')) return { view: 'node', id: q.get('node')!, depth: Number(q.get('depth')) || undefined, limit: Number(q.get('limit')) || undefined, all: q.get('all') === '1' || undefined };
  if (q.get('xref')) return { view: 'xref', ids: q.get('xref')!.split(',').filter(Boolean) };
  if (q.has('review')) return { view: 'review' };
  return { view: 'home' };
}

export function hrefOf(r: Route): string {
  switch (r.view) {
    case 'home':
      return '/';
    case 'review':
      return '/?review';
    case 'xref':
      return `/?xref=${r.ids.map(encodeURIComponent).join(',')}`;
    case 'node':
      return `/?node=${encodeURIComponent(r.id)}${r.depth ? `&depth=${r.depth}` : ''}${r.limit ? `&limit=${r.limit}` : ''}${r.all ? '&all=1' : ''}`;
    default:
      return `/?${r.view}=${encodeURIComponent(r.id)}`;
  }
}

/** The route a node id opens: claims and agents have their own views, anything else its neighbourhood. */
export function routeOfNode(id: string): Route {
  if (id.startsWith('claim:')) return { view: 'claim', id };
  if (id.startsWith('org:')) return { view: 'org', id };
  if (id.startsWith('person:')) return { view: 'person', id };
  return { view: 'node', id };
}

let onChange: () => void = () => {};

export function startRouter(render: () => void): void {
  onChange = render;
  window.addEventListener('popstate', () => onChange());
  // Links marked data-link navigate inside the page.
  document.addEventListener('click', (e) => {
    const a = (e.target as Element | null)?.closest?.('a[data-link]') as HTMLAnchorElement | null;
    if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return;
    e.preventDefault();
    navigate(a.getAttribute('href')!);
  });
}

export function navigate(href: string): void {
  if (href !== location.pathname + location.search) history.pushState(null, '', href);
  onChange();
}

export function go(r: Route): void {
  navigate(hrefOf(r));
}
