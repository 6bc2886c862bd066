/**
 * The "ingest document" panel: paste a document, send it with the API key the server requires for
 * writes (asked for when needed, kept in this browser's localStorage, never in the URL), and see
 * every validation problem by its JSON path.
 */
import { apiKey, gql } from './api';
import { fill, h } from './dom';
import { IngestJsonDocument, type IngestDocument } from './generated/graphql';

export function ingestDialog(): HTMLDialogElement {
  const key = h('input', { type: 'password', id: 'ingest-key', autocomplete: 'off', placeholder: 'only if the server asks for one' });
  key.value = apiKey.get() ?? '';
  const text = h('textarea', { id: 'ingest-doc', rows: 14, spellcheck: false, 'data-testid': 'ingest-document', placeholder: '{ "source": { "id": "src:…", "kind": "ARTICLE" }, "claims": [ … ] }' });
  const out = h('div', { class: 'ingest-out', 'data-testid': 'ingest-result', 'aria-live': 'polite' });
  const dialog = h(
    'dialog',
    { class: 'ingest', 'aria-labelledby': 'ingest-title' },
    h(
      'form',
      {
        method: 'dialog',
        onsubmit: async (e: Event) => {
          e.preventDefault();
          if (key.value.trim()) apiKey.set(key.value.trim());
          else apiKey.clear();
          let doc: unknown;
          try {
            doc = JSON.parse(text.value);
          } catch (err) {
            return fill(out, h('p', { class: 'error', role: 'alert' }, `Not JSON: ${(err as Error).message}`));
          }
          fill(out, h('p', {}, 'Sending…'));
          const r = await gql(IngestJsonDocument, { document: doc as IngestDocument });
          const err = r.errors?.[0];
          if (r.data?.ingest) {
            const ok = r.data.ingest;
            return fill(
              out,
              h(
                'p',
                { class: 'ok' },
                `✔ Ingested ${ok.claimCount} claim(s) of `,
                h('a', { href: `/?node=${encodeURIComponent(ok.source.id)}`, 'data-link': true }, ok.source.id),
                ` (${ok.nodesCreated} nodes created).`,
              ),
            );
          }
          const code = err?.extensions?.code;
          if (code === 'UNAUTHENTICATED' || code === 'FORBIDDEN') {
            key.focus();
            return fill(out, h('p', { class: 'error', role: 'alert' }, `✖ ${err!.message} Enter an API key with write rights above and send again.`));
          }
          const problems = err?.extensions?.problems ?? (err ? [{ path: '', message: err.message }] : []);
          fill(
            out,
            h('p', { class: 'error', role: 'alert' }, `✖ Rejected (${code ?? 'error'}): ${problems.length} problem${problems.length === 1 ? '' : 's'}, nothing was written.`),
            h(
              'ul',
              { class: 'problems' },
              problems.map((p) => h('li', {}, p.path ? h('code', {}, p.path) : null, p.path ? ': ' : '', p.message)),
            ),
            r.errors?.[0]?.extensions?.conflicts ? h('pre', {}, JSON.stringify(r.errors[0].extensions.conflicts, null, 2)) : null,
          );
        },
      },
      h('h2', { id: 'ingest-title' }, 'Ingest a document'),
      h(
        'p',
        {},
        'The format is ',
        h('a', { href: '/schema/ingest.schema.json', target: '_blank', rel: 'noopener', 'data-testid': 'schema-link' }, 'ingest.schema.json'),
        ' (JSON Schema); ',
        h('a', { href: '/examples/', target: '_blank', rel: 'noopener', 'data-testid': 'examples-link' }, 'examples'),
        ' from a statement to a correction. The whole document is validated first: nothing is written unless all of it is valid.',
      ),
      h('label', { for: 'ingest-key' }, 'API key (kept in this browser only)'),
      key,
      h('label', { for: 'ingest-doc' }, 'Document (JSON)'),
      text,
      h('p', { class: 'actions' }, h('button', { type: 'submit' }, 'Validate and ingest'), ' ', h('button', { type: 'button', onclick: () => dialog.close() }, 'Close')),
      out,
    ),
  );
  return dialog;
}
