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
import { reviewView } from './review/reviewView';
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
      h(
        'p',
        {},
        'Search for a claim, a source, an organization, a person or a place. A claim shows its source chain back to its origins, who else states a comparable figure — and whether they are independent or repeating one origin — and how the figure moved over time.',
      ),
      h('h2', {}, 'Try'),
      h(
        'ul',
        {},
        example('/?claim=claim%3Aexpress-2025-casualties-1213460', '“1,213,460 Russian soldiers killed or injured” — its chain and corroboration'),
        example('/?claim=claim%3Amorning-briefing-record-week-350', '“350 surrendered in one week” — two reports, one origin: circular reporting'),
        example('/?claim=claim%3Aexpress-2025-territory-taken-0-8-percent-2025', '“0.8% of Ukraine taken in 2025” — against two bodies’ areas: one agrees, one conflicts'),
        example('/?claim=claim%3Ageneral-staff-casualties-2025-06-16', 'The General Staff’s running total — a series that grows, and an independent body that agrees'),
        example('/?xref=org%3Aarmed-forces-ua,org%3Aarmed-forces-ru', 'Cross-reference: the two armed forces — a conflict between two officials'),
        example('/?review', 'Add an article: paste its text, review the drafted claims, ingest'),
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
    else if (route.view === 'node') done = await nodeView(view, route.id, route.depth, route.limit, route.all);
    else if (route.view === 'xref') done = await crossReferenceView(view, route.ids);
    else if (route.view === 'review') done = await reviewView(view);
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
document.getElementById('open-review')!.addEventListener('click', () => go({ view: 'review' }));
document.getElementById('open-xref')!.addEventListener('click', () => go({ view: 'xref', ids: currentRoute().view === 'org' ? [(currentRoute() as { id: string }).id] : [] }));
startRouter(() => void render());
// A view asks to be drawn again (a live notice's Show): the same route, fresh data, no reload.
window.addEventListener('cg:rerender', () => void render());
void render();
