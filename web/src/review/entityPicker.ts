/**
 * A claim's reference field under review (attributed to, regions, measure): the chosen ids as
 * chips saying whether each is one the graph holds, one the draft proposes, or still ambiguous;
 * the candidates of an ambiguous mention one click away; a search over the graph to pick another;
 * and "new" to propose one, prefilled from what was typed.
 */
import { read } from '../api';
import { EntitySearchDocument, type EntityKind, type EntitySearchQuery } from '../generated/graphql';
import { fill, h } from '../dom';

export interface PickerOptions {
  /** The field's label, for screen readers and the search box's placeholder. */
  label: string;
  /** The kinds searched. */
  kinds: EntityKind[];
  /** One id (measure) or several (regions, attributed to). */
  multiple: boolean;
  ids: string[];
  /** The name to show for an id, when the document or a mention knows it. */
  nameOf: (id: string) => string | null;
  /** Whether the draft proposes it (a new entity in the document). */
  isNew: (id: string) => boolean;
  /** Candidates of mentions the draft could not settle. */
  ambiguous: { text: string; candidates: string[] }[];
  onChange: (ids: string[]) => void;
  /** Proposes a new entity from a name; returns its id. */
  create: (name: string) => string;
}

type Hit = EntitySearchQuery['search'][number];

export function entityPicker(o: PickerOptions): HTMLElement {
  const root = h('div', { class: 'picker' });
  let ids = [...o.ids];
  const set = (next: string[]) => {
    ids = next;
    o.onChange(ids);
    draw();
  };
  const choose = (id: string) => set(o.multiple ? [...ids.filter((x) => x !== id), id] : [id]);
  const input = h('input', { type: 'search', class: 'picker-search', placeholder: `search ${o.label}…`, 'aria-label': `Search for another ${o.label}`, autocomplete: 'off' });
  const results = h('ul', { class: 'picker-results', role: 'listbox', hidden: true });
  let asked = 0;
  let timer: number | undefined;
  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(async () => {
      const text = input.value.trim();
      const mine = ++asked;
      if (text.length < 2) return void (results.hidden = true);
      const d = await read(EntitySearchDocument, { text, kinds: o.kinds }).catch(() => ({
        search: [] as Hit[],
      }));
      if (mine !== asked) return;
      fill(
        results,
        d.search.map((hit) => h('li', {}, h('button', { type: 'button', onclick: () => (choose(hit.id), (input.value = ''), (results.hidden = true)) }, hit.label, ' ', h('code', {}, hit.id)))),
        h('li', {}, h('button', { type: 'button', class: 'create', onclick: () => (choose(o.create(text)), (input.value = ''), (results.hidden = true)) }, `＋ new: “${text}”`)),
      );
      results.hidden = false;
    }, 250);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') results.hidden = true;
  });
  const chips = h('span', { class: 'chips' });
  const draw = () => {
    const open = o.ambiguous.filter((a) => !a.candidates.some((c) => ids.includes(c)));
    fill(
      chips,
      ids.map((id) =>
        h(
          'span',
          { class: `chip ${o.isNew(id) ? 'new' : 'existing'}`, title: id },
          o.isNew(id) ? h('span', { class: 'badge' }, 'new') : h('span', { class: 'badge' }, '✔'),
          ' ',
          o.nameOf(id) ?? id,
          h('button', { type: 'button', class: 'remove', 'aria-label': `Remove ${o.nameOf(id) ?? id}`, onclick: () => set(ids.filter((x) => x !== id)) }, '×'),
        ),
      ),
      open.map((a) =>
        h(
          'span',
          { class: 'chip ambiguous', role: 'group', 'aria-label': `“${a.text}” could be one of ${a.candidates.length}` },
          h('span', { class: 'badge' }, '?'),
          ` “${a.text}”: `,
          a.candidates.map((c) => h('button', { type: 'button', class: 'candidate', onclick: () => choose(c) }, o.nameOf(c) ?? c)),
        ),
      ),
      !ids.length && !open.length ? h('span', { class: 'none' }, o.multiple ? 'none' : 'none chosen') : null,
    );
  };
  draw();
  root.append(chips, input, results);
  return root;
}
