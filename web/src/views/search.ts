/**
 * One box over `search(text, kinds)`: results grouped by kind as the user types; Enter opens the
 * first; arrow keys move through the results; Escape closes them.
 */
import { read } from '../api';
import { fill, h } from '../dom';
import { KINDS } from '../graph/style';
import { go, hrefOf, routeOfNode } from '../router';
import { SearchDocument, type SearchQuery } from '../generated/graphql';

type Hit = SearchQuery['search'][number];

export function setUpSearch(input: HTMLInputElement, form: HTMLFormElement, panel: HTMLElement): void {
  let hits: Hit[] = [];
  let timer: number | undefined;
  let asked = 0;

  const close = () => {
    panel.hidden = true;
    input.setAttribute('aria-expanded', 'false');
  };
  const open = (hit: Hit) => {
    close();
    input.blur();
    go(routeOfNode(hit.id));
  };

  const run = async (): Promise<void> => {
    const text = input.value.trim();
    const mine = ++asked;
    if (text.length < 2) {
      hits = [];
      close();
      return;
    }
    const data = await read(SearchDocument, { text }).catch(() => ({ search: [] as Hit[] }));
    if (mine !== asked) return; // a later keystroke asked again
    hits = data.search;
    render();
  };

  const render = () => {
    panel.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    if (!hits.length) return fill(panel, h('p', { class: 'empty' }, `Nothing found for “${input.value.trim()}”.`));
    // Groups in the order of their best hit, so the most relevant result is the first shown.
    const order = [...new Set(hits.map((x) => x.kind))];
    const groups = order.map((kind) => ({ k: KINDS.find((k) => k.kind === kind) ?? { kind, name: kind, glyph: '•' }, items: hits.filter((x) => x.kind === kind) }));
    fill(
      panel,
      groups.map((g) =>
        h(
          'section',
          { class: 'result-group', 'data-kind': g.k.kind },
          h('h2', {}, `${g.k.glyph} ${g.k.name}${g.items.length > 1 ? 's' : ''}`),
          h(
            'ul',
            {},
            g.items.map((x) => h('li', {}, h('a', { href: hrefOf(routeOfNode(x.id)), 'data-result-id': x.id, onclick: (e: Event) => (e.preventDefault(), open(x)) }, x.label))),
          ),
        ),
      ),
    );
  };

  input.setAttribute('aria-controls', panel.id);
  input.setAttribute('aria-expanded', 'false');
  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void run(), 200);
  });
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    window.clearTimeout(timer);
    await run();
    // Enter opens the first result, in the order shown (grouped by kind).
    const first = panel.querySelector<HTMLAnchorElement>('a[data-result-id]');
    const hit = hits.find((x) => x.id === first?.dataset.resultId);
    if (hit) open(hit);
  });
  const links = () => [...panel.querySelectorAll<HTMLAnchorElement>('a[data-result-id]')];
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' && !panel.hidden) {
      e.preventDefault();
      links()[0]?.focus();
    } else if (e.key === 'Escape') close();
  });
  panel.addEventListener('keydown', (e) => {
    const all = links();
    const i = all.indexOf(document.activeElement as HTMLAnchorElement);
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      all[Math.min(i + 1, all.length - 1)]?.focus();
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      (i <= 0 ? input : all[i - 1]).focus();
    } else if (e.key === 'Escape') {
      close();
      input.focus();
    }
  });
  document.addEventListener('keydown', (e) => {
    if (e.key === '/' && document.activeElement?.tagName !== 'INPUT' && document.activeElement?.tagName !== 'TEXTAREA') {
      e.preventDefault();
      input.focus();
    }
  });
  document.addEventListener('click', (e) => {
    if (!panel.contains(e.target as Node) && e.target !== input) close();
  });
}
