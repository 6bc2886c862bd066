/**
 * "Add an article…": paste the text with what is known of it, and `draft` reads it. The date
 * starts empty and is required: every relative date ("last year", "on Monday") is read from it,
 * and a silent default of today would date an old article's figures wrongly.
 */
import { gql } from '../api';
import { fill, h } from '../dom';
import { DraftArticleDocument } from '../generated/graphql';
import type { Doc, ReviewState } from './state';

export function articleForm(onDrafted: (state: ReviewState) => void): HTMLElement {
  const field = (id: string, label: string, attrs: Record<string, string | boolean> = {}) => {
    const input = h('input', { id, name: id, autocomplete: 'off', ...attrs });
    return { input, el: h('p', { class: 'field' }, h('label', { for: id }, label), input) };
  };
  const url = field('article-url', 'URL', { type: 'url', placeholder: 'https://…' });
  const title = field('article-title', 'Title');
  const publisher = field('article-publisher', 'Publisher (a name, or an org: id the graph holds)');
  const published = field('article-published', 'Published (2025-12-10, or 2025-12): every relative date is read from it', {
    required: true,
    pattern: '\\d{4}(-\\d{2}(-\\d{2})?)?',
    placeholder: 'YYYY-MM-DD',
    'data-testid': 'article-published',
  });
  const text = h('textarea', { id: 'article-text', rows: 16, required: true, 'data-testid': 'article-text', placeholder: 'Paste the article’s text: headline, then paragraphs.' });
  const out = h('div', { 'aria-live': 'polite', class: 'form-out' });
  const submit = h('button', { type: 'submit', 'data-testid': 'draft-submit' }, 'Draft claims');
  const form = h(
    'form',
    {
      class: 'card article-form',
      'data-testid': 'article-form',
      onsubmit: async (e: Event) => {
        e.preventDefault();
        submit.disabled = true;
        fill(out, h('p', {}, 'Reading the article…'));
        const input = { text: text.value, url: url.input.value.trim(), title: title.input.value.trim(), publisher: publisher.input.value.trim(), publishedAt: published.input.value.trim() };
        const r = await gql(DraftArticleDocument, {
          input: { text: input.text, url: input.url || null, title: input.title || null, publisher: input.publisher || null, publishedAt: input.publishedAt },
        }).catch((err: Error) => ({ errors: [{ message: err.message }], data: null }));
        submit.disabled = false;
        const d = r.data?.draft;
        if (!d) {
          // The message names the field at fault (`input.publishedAt: …`).
          return fill(out, h('p', { class: 'error', role: 'alert', 'data-testid': 'draft-error' }, `✖ ${r.errors?.[0]?.message ?? 'No answer.'}`));
        }
        if (!d.claims.length) return fill(out, h('p', { class: 'error', role: 'alert' }, 'No quantified claim found in this text.'));
        onDrafted({ input, document: d.document as Doc, meta: d.claims.map((c) => ({ ...c, decision: 'pending' })), draftProblems: d.problems, selected: 0 });
      },
    },
    h('h1', {}, 'Add an article'),
    h(
      'p',
      {},
      'Paste an article: every quantified claim is drafted with its bound, unit, period, regions, attribution and measure, names resolved against the graph. Nothing is written until you ingest.',
    ),
    h('div', { class: 'fields' }, url.el, title.el, publisher.el, published.el),
    h('p', { class: 'field' }, h('label', { for: 'article-text' }, 'Text'), text),
    h('p', { class: 'actions' }, submit),
    out,
  );
  return form;
}
