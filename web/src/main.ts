/**
 * The claimgraph explorer: follow a figure back to its origins, see who else says it, compare
 * organizations, explore the graph. It speaks only the public GraphQL API of the server it came
 * from, and keeps the view in the URL.
 */
import './style.css';
import { h } from './dom';
import { ingestDialog } from './ingest';
import { currentRoute, go, startRouter } from './router';
import { agentView } from './views/agent';
import { claimView } from './views/claim';
import { crossReferenceView } from './views/crossReference';
import { nodeView } from './views/node';
import { setUpSearch } from './views/search';

const main = document.getElementById('main')!;
let cleanup: () => void = () => {};
let rendering = 0;

function home(main: HTMLElement): void {
  const example = (href: string, text: string) => h('li', {}, h('a', { href, 'data-link': true }, text));
  main.append(
    h(
      'section',
      { class: 'card home' },
      h('h1', {}, 'Where did this figure come from?'),
      h('p', {}, 'Search for a claim, a source, an organization, a person or a place. A claim shows its source chain back to its origins, who else states a comparable figure — and whether they are independent or repeating one origin — and how the figure moved over time.'),
      h('h2', {}, 'Try'),
      h(
        'ul',
        {},
        example('/?claim=claim%3Aexpress-2025-casualties-1213460', '“1,213,460 Russian soldiers killed or injured” — its chain and corroboration'),
        example('/?claim=claim%3Aexpress-2025-record-week-350', '“350 surrendered in one week of August 2024”'),
        example('/?xref=org%3Ageneral-staff-ua,org%3Ai-want-to-live', 'Cross-reference: General Staff × “I Want to Live”'),
      ),
      h('p', { class: 'hint' }, 'Keyboard: / focuses search, arrows move through results, Enter opens; in a graph, Tab to its tools, and Ctrl+Z undoes.'),
    ),
  );
}

async function render(): Promise<void> {
  const mine = ++rendering;
  cleanup();
  cleanup = () => {};
  // Each render fills its own container: one the user navigated away from is dropped whole.
  const view = h('div', { class: 'view' });
  main.replaceChildren(view);
  const route = currentRoute();
  document.title = 'claimgraph explorer';
  try {
    let done: () => void = () => {};
    if (route.view === 'claim') done = await claimView(view, route.id);
    else if (route.view === 'org') done = await agentView(view, route.id, 'org');
    else if (route.view === 'person') done = await agentView(view, route.id, 'person');
    else if (route.view === 'node') done = await nodeView(view, route.id, route.depth, route.limit);
    else if (route.view === 'xref') done = await crossReferenceView(view, route.ids);
    else home(view);
    if (mine !== rendering) return void (view.remove(), done()); // the user moved on meanwhile
    cleanup = done;
    const title = view.querySelector('h1')?.textContent;
    if (title) document.title = `${title} · claimgraph`;
  } catch (err) {
    if (mine !== rendering) return;
    view.append(h('p', { class: 'error', role: 'alert' }, `Could not load this view: ${(err as Error).message}`));
    console.warn(err);
  }
  main.focus({ preventScroll: true });
}

setUpSearch(document.getElementById('search-box') as HTMLInputElement, document.querySelector('form.search') as HTMLFormElement, document.getElementById('search-results')!);
const dialog = ingestDialog();
document.getElementById('dialog-root')!.append(dialog);
document.getElementById('open-ingest')!.addEventListener('click', () => dialog.showModal());
document.getElementById('open-xref')!.addEventListener('click', () => go({ view: 'xref', ids: currentRoute().view === 'org' ? [(currentRoute() as { id: string }).id] : [] }));
startRouter(() => void render());
void render();
