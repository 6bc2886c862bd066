/**
 * The explorer on a 1,000-node view (issue #12: it must lay out and respond in under 2 s in
 * headless Chromium on this machine). Loads CLAIMS generated claims (default 5,000), serves the
 * app, and in Debian's Chromium opens a neighbourhood cut at 1,000 nodes (a country two hops out, or
 * the first seed that fills it).
 * For ROUNDS rounds (default 5) it prints, medians first:
 * - open: navigation to the laid-out graph on screen (the page, the GraphQL query, Cytoscape, fcose);
 * - fetch: the graph query alone, as the page saw it (server, database, network);
 * - layout: fcose alone; drawn: from the layout's start until the laid-out graph is painted (the
 *   page's own performance measures; MARKS=1 prints them all);
 * - filter: a click hiding every claim until the view has redrawn, and the undo that brings them back;
 * - expand: picking a node and expanding it until the new nodes are drawn (a server round trip);
 * - review draft: a 3,000-character article pasted on the review page until its draft table is on
 *   screen; review problem: a unit edited until the dry run's problem shows under its row.
 */
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bulkImport } from '../src/services/ingest/bulkImport.js';
import { createApp } from '../src/server/app.js';
import { draftPool } from '../src/services/draft/draftPool.js';
import { buildExplorer, launchBrowser } from '../test/helpers/browser.js';
import { benchDatabase } from './benchDatabase.js';
import { generateDocuments, registryDocument } from './generator.js';
import { loadLine, median } from './stats.js';

const claims = Number(process.env.CLAIMS ?? 5_000);
const rounds = Number(process.env.ROUNDS ?? 5);

/** About 3,000 characters of the draft development set (bench/draft/dev/), whole sentences, with the first article's date. */
function reviewArticle(): { text: string; publishedAt: string } {
  const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'draft/dev');
  const articles = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as { text: string; publishedAt: string });
  let text = '';
  for (const a of articles) {
    for (const line of a.text.split('\n')) {
      if (text.length + line.length > 3_000) return { text: text.trim(), publishedAt: articles[0].publishedAt };
      text += `${line}\n`;
    }
  }
  return { text: text.trim(), publishedAt: articles[0].publishedAt };
}

const show = (name: string, xs: number[]) =>
  console.log(`${name.padEnd(8)} median ${median(xs).toFixed(0).padStart(5)} ms   (min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)}; ${xs.map((x) => x.toFixed(0)).join(', ')})`);

buildExplorer();
const db = await benchDatabase();
const app = await createApp({ db: db.db, logLevel: 'warn' });
const browser = await launchBrowser();
try {
  const { doc, registry } = registryDocument();
  const stats = await bulkImport(db.db, [{ ref: 'registry', raw: doc }, ...[...generateDocuments({ claims })].map((raw, i) => ({ ref: `doc ${i}`, raw }))]);
  console.log(`graph: ${stats.claims} generated claims (${stats.rejected.length} rejected)`);
  await app.http.listen({ port: 0, host: '127.0.0.1' });
  const origin = `http://127.0.0.1:${(app.http.server.address() as AddressInfo).port}`;
  // The first of these seeds whose neighbourhood fills 1,000 nodes.
  let url = '';
  let seedName = '';
  for (const [seed, depth] of [
    [registry.countries[0], 2],
    [registry.measures[0], 3],
    [registry.countries[0], 3],
    [registry.organizations[0], 3],
  ] as const) {
    const res = await app.apollo.executeOperation(
      { query: 'query($s: [ID!]!, $d: Int) { graph(seeds: $s, depth: $d, limit: 1000) { nodes { id } } }', variables: { s: [seed], d: depth } },
      { contextValue: app.context() },
    );
    const n = res.body.kind === 'single' ? ((res.body.singleResult.data as { graph?: { nodes: unknown[] } } | undefined)?.graph?.nodes.length ?? 0) : 0;
    if (n >= 1000) {
      url = `${origin}/?node=${encodeURIComponent(seed)}&depth=${depth}&limit=1000&all=1`;
      seedName = `${seed}, ${depth} hops`;
      break;
    }
  }
  if (!url) throw new Error('no seed fills 1,000 nodes: raise CLAIMS');
  const times = { open: [] as number[], fetch: [] as number[], layout: [] as number[], drawn: [] as number[], filter: [] as number[], undo: [] as number[], expand: [] as number[] };
  let nodes = 0;
  let edges = 0;
  console.log(loadLine());
  for (let round = 0; round < rounds; round++) {
    // bypassCSP: the page's policy forbids evaluating strings, which is how this harness times it.
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const started = Date.now();
    await page.goto(url);
    await page.waitForSelector('[data-testid="graph"][data-layout="done"]', { timeout: 60_000 });
    // One more frame: the laid-out graph is on screen.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
    times.open.push(Date.now() - started);
    times.layout.push(await page.evaluate(() => performance.getEntriesByName('cg:layout').at(-1)!.duration));
    times.fetch.push(await page.evaluate(() => performance.getEntriesByName('cg:fetch').at(-1)!.duration));
    await page.waitForFunction(() => performance.getEntriesByName('cg:drawn').length > 0);
    times.drawn.push(await page.evaluate(() => performance.getEntriesByName('cg:drawn').at(-1)!.duration));
    if (process.env.MARKS)
      console.log(
        await page.evaluate(
          `JSON.stringify({ dcl: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd, marks: performance.getEntriesByType('mark').map((m) => [m.name, Math.round(m.startTime)]), measures: performance.getEntriesByType('measure').map((m) => [m.name, Math.round(m.startTime), Math.round(m.duration)]) })`,
        ),
      );
    nodes = Number(await page.getByTestId('graph').getAttribute('data-node-count'));
    edges = Number(await page.getByTestId('graph').getAttribute('data-edge-count'));

    // A click, until the count changed and the next frame is drawn (Playwright's own overhead,
    // a few milliseconds per step, is included: the figure is an upper bound).
    const react = async (selector: string) => {
      const before = await page.getByTestId('graph').getAttribute('data-node-count');
      const t0 = Date.now();
      await page.locator(selector).click();
      await page.waitForFunction(`document.querySelector('[data-testid="graph"]').dataset.nodeCount !== ${JSON.stringify(before)}`, undefined, { polling: 'raf' });
      await page.evaluate('new Promise((r) => requestAnimationFrame(() => r(null)))');
      return Date.now() - t0;
    };
    await page.locator('.graph-filters summary').click();
    times.filter.push(await react('input[data-filter="kind:CLAIM"]'));
    times.undo.push(await react('button[title^="Undo"]'));
    // Expand a node at the edge of the view (a claim of the first measure has sources and agents beyond).
    await page.locator('.node-list-box summary').click();
    await page.locator('.node-list button').first().waitFor();
    const target = (await page.evaluate(`[...document.querySelectorAll('.node-list button')].find((b) => b.textContent.includes('+'))?.dataset.nodeId`)) as string | undefined;
    if (target) {
      await page.locator(`.node-list button[data-node-id="${target}"]`).click();
      times.expand.push(await react('button[title^="Add the selected"]'));
    }
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    await context.close();
  }
  console.log(`view: ${nodes} nodes, ${edges} edges (the neighbourhood of ${seedName}, cut at 1,000), Chromium headless, 1280×800, ${rounds} rounds`);
  show('open', times.open);
  show('fetch', times.fetch);
  show('layout', times.layout);
  show('drawn', times.drawn);
  show('filter', times.filter);
  show('undo', times.undo);
  if (times.expand.length) show('expand', times.expand);

  // The review page (issue #23): a 3,000-character article pasted → the draft table on screen, and
  // an edit → the dry run's problem under its row (the page waits 300 ms after a keystroke first).
  const article = reviewArticle();
  const review = { draft: [] as number[], problems: [] as number[] };
  let drafted = 0;
  for (let round = 0; round < rounds; round++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${origin}/?review`);
    await page.getByTestId('article-text').fill(article.text);
    await page.getByTestId('article-published').fill(article.publishedAt);
    let t0 = Date.now();
    await page.getByTestId('draft-submit').click();
    await page.getByTestId('draft-row').first().waitFor({ timeout: 30_000 });
    review.draft.push(Date.now() - t0);
    drafted = await page.getByTestId('draft-row').count();
    // A unit that cannot fit its measure's (a percent measure's figure given in km2).
    const units = page.locator('tr.claim-row td[data-field="quantity.unit"] input');
    const values = await units.evaluateAll((xs) => xs.map((x) => (x as HTMLInputElement).value));
    const unit = units.nth(
      Math.max(
        0,
        values.findIndex((v) => v === 'percent' || v === 'persons'),
      ),
    );
    await page.waitForTimeout(1_000);
    const before = await page.locator('tr.row-problems:not([hidden])').count();
    t0 = Date.now();
    await unit.fill((await unit.inputValue()) === 'km2' ? 'persons' : 'km2');
    await page.waitForFunction((n) => document.querySelectorAll('tr.row-problems:not([hidden])').length > n, before, { timeout: 30_000 });
    review.problems.push(Date.now() - t0);
    await context.close();
  }
  console.log(`review: a ${article.text.length.toLocaleString('en')}-character article (${drafted} claims drafted), ${rounds} rounds`);
  show('draft', review.draft);
  show('problem', review.problems);
  console.log(loadLine());
} finally {
  await browser.close();
  await app.http.close();
  // The review rounds started the extraction workers: they would keep the process alive.
  await draftPool.close();
  await db.stop();
}
