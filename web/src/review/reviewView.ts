/**
 * The review page (`/?review`): the article with every drafted figure highlighted by state
 * (resolved, needs a decision, rejected) beside the table of drafted claims. Clicking a figure
 * selects its row and a row its sentence; j/k move, a accepts, x rejects. Every edit is dry-run
 * (`validate`) at once and its problems shown next to the field, by JSON path; "Ingest" writes
 * the reviewed document and says what it changed. The review lives in localStorage until then.
 */
import { apiKey, gql } from '../api';
import { fill, h } from '../dom';
import { go } from '../router';
import { IngestReviewedDocument, ValidateDocumentDocument, type IngestDocument, type ValidateDocumentQuery } from '../generated/graphql';
import { articleForm } from './articleForm';
import { claimRow } from './claimRow';
import { ingestSummary } from './ingestSummary';
import { documentToSend, newId, idsOf, reviewStore, rowOfPath, type ReviewState } from './state';

/** A problem `validate` found (or an error said instead), by JSON path. */
type Problem = Pick<ValidateDocumentQuery['validate']['problems'][number], 'path' | 'message'>;

/** The table cell a problem's field belongs to ("quantity.low" → the value cell, "regions[0]" → regions). */
function cellOf(field: string): string {
  const base = field.replace(/\[\d+\].*$/, '');
  if (base.startsWith('period')) return 'period';
  if (['quantity.value', 'quantity.low', 'quantity.high', 'quantity', ''].includes(base)) return 'quantity.value';
  if (base === 'quantity.per') return 'quantity.aggregation';
  return base;
}

export async function reviewView(view: HTMLElement): Promise<() => void> {
  const stored = reviewStore.load();
  if (!stored) {
    view.append(articleForm((s) => (reviewStore.save(s), go({ view: 'review' }))));
    return () => {};
  }
  const state: ReviewState = stored;
  let problems = new Map<number, Problem[]>();
  let general: Problem[] = [];
  let checking = 0;

  const textPane = h('div', { class: 'article-text', 'data-testid': 'draft-text', 'aria-label': 'The article, figures highlighted' });
  const tbody = h('tbody', {});
  const generalOut = h('div', { class: 'general-problems', 'aria-live': 'polite', 'data-testid': 'draft-problems' });
  const status = h('p', { class: 'review-status', 'aria-live': 'polite' });
  const out = h('div', { 'aria-live': 'polite', 'data-testid': 'review-out' });
  const key = h('input', { type: 'password', id: 'review-key', autocomplete: 'off', placeholder: 'only if the server asks for one', 'data-testid': 'review-key' });
  key.value = apiKey.get() ?? '';
  const keyField = h('p', { class: 'field key', hidden: !key.value }, h('label', { for: 'review-key' }, 'API key (kept in this browser only)'), key);

  const save = () => reviewStore.save(state);
  const openAmbiguity = (i: number) => {
    const c = state.document.claims[i];
    const refs = new Set<string>([...(c.attributedTo ?? []), ...(c.regions ?? []), c.measure].filter(Boolean));
    return state.meta[i].mentions.some((m) => m.state === 'AMBIGUOUS' && !m.candidates.some((x) => refs.has(x)));
  };
  const stateOf = (i: number) => (state.meta[i].decision === 'rejected' ? 'rejected' : problems.get(i)?.length || (openAmbiguity(i) && state.meta[i].decision !== 'accepted') ? 'needs' : 'resolved');

  // The article: cut at every figure and sentence edge, so a figure can be marked and a sentence lit.
  const drawText = () => {
    const text = state.input.text;
    const cuts = new Set<number>([0, text.length]);
    for (const m of state.meta)
      for (const s of [m.figure, m.sentence]) {
        cuts.add(s.start);
        cuts.add(s.end);
      }
    const points = [...cuts].filter((x) => x >= 0 && x <= text.length).sort((a, b) => a - b);
    const parts: Node[] = [];
    for (let k = 0; k + 1 < points.length; k++) {
      const [a, b] = [points[k], points[k + 1]];
      const owner = state.meta.findIndex((m) => m.figure.start <= a && b <= m.figure.end);
      parts.push(
        owner >= 0
          ? h('mark', { 'data-start': a, 'data-end': b, 'data-claim': owner, 'data-testid': 'draft-figure', tabindex: -1, onclick: () => select(owner) }, text.slice(a, b))
          : h('span', { 'data-start': a, 'data-end': b }, text.slice(a, b)),
      );
    }
    fill(textPane, parts);
  };

  const drawRows = () => {
    fill(
      tbody,
      state.document.claims.flatMap((_, i) => [
        claimRow(state, i, { changed, restructure, select }),
        h('tr', { class: 'row-problems', 'data-problems-of': i, hidden: true }, h('td', { colspan: 10 })),
      ]),
    );
  };

  const refresh = () => {
    const sel = state.meta[state.selected];
    for (const tr of tbody.querySelectorAll<HTMLTableRowElement>('tr.claim-row')) {
      const i = Number(tr.dataset.row);
      tr.classList.remove('resolved', 'needs', 'rejected', 'selected');
      tr.classList.add(stateOf(i));
      if (i === state.selected) tr.classList.add('selected');
      const list = problems.get(i) ?? [];
      for (const td of tr.querySelectorAll<HTMLElement>('td[data-field]'))
        td.classList.toggle(
          'has-problem',
          list.some((p) => cellOf(p.path) === td.dataset.field),
        );
      const pr = tbody.querySelector<HTMLTableRowElement>(`tr[data-problems-of="${i}"]`)!;
      pr.hidden = !list.length;
      fill(
        pr.firstElementChild!,
        list.length
          ? h(
              'ul',
              { class: 'problems' },
              list.map((p) => h('li', {}, h('code', {}, p.path || 'claim'), ': ', p.message)),
            )
          : null,
      );
    }
    for (const el of textPane.querySelectorAll<HTMLElement>('[data-start]')) {
      const a = Number(el.dataset.start);
      el.classList.toggle('in-sentence', !!sel && a >= sel.sentence.start && a < sel.sentence.end);
      if (el.dataset.claim != null) {
        const i = Number(el.dataset.claim);
        el.className = `fig ${stateOf(i)}${i === state.selected ? ' current' : ''}${el.classList.contains('in-sentence') ? ' in-sentence' : ''}`;
      }
    }
    const counts = { resolved: 0, needs: 0, rejected: 0 };
    state.meta.forEach((_, i) => counts[stateOf(i)]++);
    fill(status, `${state.meta.length} drafted: ${counts.resolved} resolved, ${counts.needs} need a decision, ${counts.rejected} rejected. Keys: j/k next/previous, a accept, x reject.`);
    fill(
      generalOut,
      general.length
        ? h(
            'ul',
            { class: 'problems' },
            general.map((p) => h('li', {}, h('code', {}, p.path), ': ', p.message)),
          )
        : null,
    );
  };

  const dryRun = async () => {
    const mine = ++checking;
    const { document, rowOf } = documentToSend(state);
    const r = await gql(ValidateDocumentDocument, { document: document as IngestDocument }).catch(() => null);
    if (mine !== checking || !r) return;
    const found = r.data?.validate.problems ?? (r.errors ?? []).map((e) => ({ path: '', message: e.message, code: e.extensions?.code ?? '' }));
    problems = new Map();
    general = [];
    for (const p of found) {
      const at = rowOfPath(p.path, rowOf);
      if (at) problems.set(at.row, [...(problems.get(at.row) ?? []), { path: at.field, message: p.message }]);
      else general.push(p);
    }
    refresh();
  };
  let timer: number | undefined;
  const changed = () => {
    save();
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void dryRun(), 300);
  };
  const restructure = () => {
    drawRows();
    refresh();
    changed();
  };
  const select = (i: number) => {
    if (i < 0 || i >= state.meta.length) return;
    state.selected = i;
    save();
    refresh();
    tbody.querySelector<HTMLElement>(`tr[data-row="${i}"]`)?.scrollIntoView({ block: 'nearest' });
    textPane.querySelector<HTMLElement>(`mark[data-claim="${i}"]`)?.scrollIntoView({ block: 'nearest' });
  };

  /** A claim the draft missed, or a second one in a sentence: from the words selected in the article. */
  const addFromSelection = () => {
    const sel = window.getSelection();
    const offset = (node: Node | null, at: number) => {
      const el = (node?.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element | null))?.closest<HTMLElement>('[data-start]');
      return el && textPane.contains(el) ? Number(el.dataset.start) + (node?.nodeType === Node.TEXT_NODE ? at : 0) : null;
    };
    const a = sel && sel.rangeCount ? offset(sel.getRangeAt(0).startContainer, sel.getRangeAt(0).startOffset) : null;
    const b = sel && sel.rangeCount ? offset(sel.getRangeAt(0).endContainer, sel.getRangeAt(0).endOffset) : null;
    if (a == null || b == null || b <= a) return void fill(out, h('p', { class: 'error', role: 'alert' }, 'Select the figure’s words in the article first.'));
    const text = state.input.text;
    const figure = text.slice(a, b);
    const known = state.meta.find((m) => m.sentence.start <= a && b <= m.sentence.end)?.sentence;
    const start = known?.start ?? Math.max(text.lastIndexOf('\n', a - 1) + 1, ...['. ', '! ', '? '].map((p) => (text.lastIndexOf(p, a - 1) >= 0 ? text.lastIndexOf(p, a - 1) + 2 : 0)));
    const ends = ['. ', '! ', '? ', '\n'].map((p) => text.indexOf(p, b)).filter((x) => x >= 0);
    const end = known?.end ?? (ends.length ? Math.min(...ends) + 1 : text.length);
    const sentence = text.slice(start, end).trim();
    const value = Number(figure.replace(/[^\d.]/g, ''));
    const at = state.meta.findIndex((m) => m.figure.start > a);
    const index = at < 0 ? state.meta.length : at;
    state.document.claims.splice(index, 0, {
      id: newId('claim', `${state.document.source.id.replace(/^src:/, '')}-added-${figure}`, idsOf(state.document)),
      text: sentence,
      quote: sentence,
      quantity: { ...(Number.isFinite(value) && /\d/.test(figure) ? { value } : {}), bound: 'EXACT', aggregation: 'NONE' },
      measure: '',
    });
    state.meta.splice(index, 0, {
      sentence: { start, end },
      figure: { start: a, end: b, text: figure },
      fields: [],
      confidence: 0,
      attributionInherited: false,
      attributionSentence: null,
      mentions: [],
      decision: 'pending',
      added: true,
    });
    state.selected = index;
    drawText();
    restructure();
  };

  const ingestNow = async () => {
    if (key.value.trim()) apiKey.set(key.value.trim());
    const { document } = documentToSend(state);
    fill(out, h('p', {}, 'Ingesting…'));
    const r = await gql(IngestReviewedDocument, { document: document as IngestDocument });
    const err = r.errors?.[0];
    if (r.data?.ingest) {
      reviewStore.clear();
      const summary = await ingestSummary(document.claims.map((c) => c.id as string));
      view.replaceChildren(
        summary,
        h(
          'p',
          {},
          h('a', { href: '/?review', 'data-link': true }, 'Add another article'),
          ' · ',
          h('a', { href: `/?node=${encodeURIComponent(r.data.ingest.source.id)}`, 'data-link': true }, 'the article’s source in the graph'),
        ),
      );
      return;
    }
    const code = err?.extensions?.code;
    if (code === 'UNAUTHENTICATED' || code === 'FORBIDDEN') {
      keyField.hidden = false;
      key.focus();
      return fill(out, h('p', { class: 'error', role: 'alert' }, `✖ ${err!.message} Enter an API key with write rights and ingest again.`));
    }
    const listed = err?.extensions?.problems ?? (err ? [{ path: '', message: err.message }] : []);
    fill(
      out,
      h('p', { class: 'error', role: 'alert' }, `✖ Not ingested (${code ?? 'error'}): ${listed.length} problem${listed.length === 1 ? '' : 's'}; nothing was written.`),
      h(
        'ul',
        { class: 'problems' },
        listed.map((p) => h('li', {}, h('code', {}, p.path), ': ', p.message)),
      ),
    );
  };

  const onKey = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey || (e.target as Element | null)?.closest?.('input, select, textarea, dialog')) return;
    const actions: Record<string, () => void> = {
      j: () => select(state.selected + 1),
      k: () => select(state.selected - 1),
      a: () => ((state.meta[state.selected].decision = 'accepted'), restructure(), select(Math.min(state.selected + 1, state.meta.length - 1))),
      x: () => ((state.meta[state.selected].decision = 'rejected'), restructure(), select(Math.min(state.selected + 1, state.meta.length - 1))),
    };
    const act = actions[e.key];
    if (act) {
      e.preventDefault();
      act();
    }
  };
  document.addEventListener('keydown', onKey);

  const heading = state.input.title || state.document.source.title || 'an article';
  view.append(
    h(
      'section',
      { class: 'card review-head' },
      h('h1', {}, `Review: ${heading}`),
      status,
      h(
        'p',
        { class: 'actions' },
        h('button', { type: 'button', 'data-testid': 'ingest-draft', onclick: () => void ingestNow() }, 'Ingest reviewed claims'),
        ' ',
        h('button', { type: 'button', 'data-testid': 'add-from-selection', onmousedown: (e: Event) => e.preventDefault(), onclick: addFromSelection }, 'Add claim from selection'),
        ' ',
        h('button', { type: 'button', 'data-testid': 'discard-draft', onclick: () => (reviewStore.clear(), go({ view: 'review' })) }, 'Discard draft'),
      ),
      keyField,
      generalOut,
      out,
    ),
    h(
      'div',
      { class: 'review-grid' },
      h('section', { class: 'card text-card', 'aria-label': 'Article' }, h('h2', {}, 'Article'), textPane),
      h(
        'section',
        { class: 'card table-card', 'aria-label': 'Drafted claims' },
        h('h2', {}, 'Drafted claims'),
        h(
          'div',
          { class: 'table-wrap' },
          h(
            'table',
            { class: 'draft-table', 'data-testid': 'draft-table' },
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                ['', 'figure', 'value', 'bound', 'unit', 'aggregation', 'period', 'regions', 'attributed to', 'measure'].map((x) => h('th', { scope: 'col' }, x)),
              ),
            ),
            tbody,
          ),
        ),
      ),
    ),
  );
  drawText();
  drawRows();
  refresh();
  void dryRun();
  return () => {
    document.removeEventListener('keydown', onKey);
    window.clearTimeout(timer);
  };
}
