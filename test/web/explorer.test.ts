/**
 * The explorer in a real browser (Debian's Chromium, driven by playwright-core) against the real
 * server and the seed graph: search, a claim's chain and corroboration, expand and undo, PNG
 * export, a cross-reference, shareable URLs with back and forward — and no request leaving the
 * server's origin, no console error.
 */
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseApiKeys } from '../../src/config.js';
import { AccessPolicy } from '../../src/services/access/accessPolicy.js';
import { KeyRing } from '../../src/services/access/keyRing.js';
import path from 'node:path';
import { readDocuments } from '../../src/cli/readDocuments.js';
import { bulkImport } from '../../src/services/ingest/bulkImport.js';
import { FIXTURES, seedGraph } from '../helpers/graph.js';
import { buildExplorer, launchBrowser, openPage, type WatchedPage } from '../helpers/browser.js';
import { createTestApp, type TestApp } from '../helpers/testApp.js';

let t: TestApp;
let browser: Browser;
let origin: string;
let w: WatchedPage;

beforeAll(async () => {
  buildExplorer();
  t = await createTestApp();
  await seedGraph(t.db);
  // Figures that meet the seed's (test/fixtures/comparisons.ndjson): the corroboration panel has rows.
  expect((await bulkImport(t.db, readDocuments([path.join(FIXTURES, 'comparisons.ndjson')]))).rejected).toEqual([]);
  // Circular reporting (test/fixtures/provenance.ndjson): a wire story and a paper repeating one agency.
  expect((await bulkImport(t.db, readDocuments([path.join(FIXTURES, 'provenance.ndjson')]))).rejected).toEqual([]);
  await t.app.http.listen({ port: 0, host: '127.0.0.1' });
  origin = `http://127.0.0.1:${(t.app.http.server.address() as AddressInfo).port}`;
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

afterEach(async () => {
  // Every page of every test: nothing fetched from elsewhere, nothing logged as an error.
  expect(w.foreignRequests).toEqual([]);
  expect(w.consoleErrors).toEqual([]);
  await w.page.context().close();
});

const TERRITORY = 'claim:express-2025-territory-taken-0-8-percent-2025';

/** The node ids the graph shows (its keyboard list carries them, once opened). */
async function nodeIds(w: WatchedPage): Promise<(string | undefined)[]> {
  const box = w.page.locator('.node-list-box').first();
  if (!(await box.evaluate((d) => (d as HTMLDetailsElement).open))) await box.locator('summary').click();
  await box.locator('.node-list button').first().waitFor();
  return box.locator('.node-list button').evaluateAll((bs) => bs.map((b) => (b as HTMLElement).dataset.nodeId));
}

const nodeCount = async (w: WatchedPage) => Number(await w.page.getByTestId('graph').first().getAttribute('data-node-count'));

describe('the explorer', () => {
  it('serves its page from the server, with a policy that keeps it there', async () => {
    w = await openPage(browser, origin);
    const res = await w.page.goto(origin);
    expect(res!.status()).toBe(200);
    expect(res!.headers()['content-security-policy']).toContain("default-src 'self'");
    await w.page.locator('main h1').waitFor();
    expect(await w.page.locator('main h1').textContent()).toBe('Where did this figure come from?');
  });

  it('finds Syrskyi, opens the 0.8% territory claim, and draws its chain to the Express article and his statement', async () => {
    w = await openPage(browser, origin);
    await w.page.goto(origin);
    const box = w.page.getByTestId('search-box');
    await box.fill('Syrskyi');
    const results = w.page.getByTestId('search-results');
    await results.locator('a[data-result-id]').first().waitFor();
    expect(await results.locator('section[data-kind="PERSON"] a').allTextContents()).toContain('Oleksandr Syrskyi');
    // Enter opens the first (most relevant) result: Syrskyi himself, whose claims include it.
    await box.press('Enter');
    await w.page.waitForURL(/\?person=person%3Aoleksandr-syrskyi/);
    await w.page
      .getByTestId('agent-claims')
      .getByRole('link', { name: /0\.8 percent/ })
      .waitFor();
    // The claim itself is among the results too.
    await box.fill('Syrskyi');
    await results.locator(`a[data-result-id="${TERRITORY}"]`).click();
    await w.page.waitForURL(`${origin}/?claim=${encodeURIComponent(TERRITORY)}`);
    await w.page.getByTestId('claim-card').waitFor();
    await w.page.waitForFunction(() => Number(document.querySelector('[data-testid="graph"]')?.getAttribute('data-node-count')) > 0);
    const ids = await nodeIds(w);
    expect(ids).toEqual(expect.arrayContaining([TERRITORY, 'src:express-2025-russian-surrenders', 'src:syrskyi-2025-territory-statement']));
    expect(await w.page.getByTestId('graph').getAttribute('data-edge-count')).not.toBe('0');
  });

  it('says when reporting is circular, with the chain’s explanation, and boxes the origin by its institution', async () => {
    w = await openPage(browser, origin);
    await w.page.goto(`${origin}/?claim=claim%3Awire-displaced`);
    const banner = w.page.getByTestId('circular-banner');
    await banner.waitFor();
    expect(await banner.textContent()).toMatch(/^⟲ Circular reporting: several appearances lead back to one independent origin/);
    // The chain's explanation in words, under the graph.
    expect(await w.page.locator('.chain p.explanation').textContent()).toMatch(/circular reporting/);
    expect(await w.page.locator('.legend').textContent()).toContain('origins behind:');
  });

  it('lists the corroboration, and draws the timeline of the measure', async () => {
    w = await openPage(browser, origin);
    await w.page.goto(`${origin}/?claim=${encodeURIComponent('claim:express-2025-casualties-2025-almost-420000')}`);
    const panel = w.page.getByTestId('corroboration-panel');
    await panel.waitFor();
    await expect.poll(() => panel.locator('tbody tr').count()).toBeGreaterThan(0);
    expect(await panel.locator('p.grade').textContent()).toMatch(/^Credibility [1-6] — /);
    const verdicts = await panel.locator('tbody tr').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.verdict));
    expect(verdicts.every((v) => ['AGREES', 'CONFLICTS', 'NOT_COMPARABLE'].includes(v!))).toBe(true);
    // Verdicts are words and icons, not only colours.
    expect(await panel.locator('tbody tr td:first-child').first().textContent()).toMatch(/Agrees|Conflicts|Not comparable/);
    const timeline = w.page.getByTestId('timeline');
    await timeline.waitFor();
    expect(Number(await timeline.getAttribute('data-point-count'))).toBeGreaterThan(0);
    expect(await timeline.locator('canvas').count()).toBeGreaterThan(0);
  });

  it('says live what changed while a claim is open, and Show draws it without a reload', async () => {
    w = await openPage(browser, origin);
    await w.page.goto(`${origin}/?claim=${encodeURIComponent('claim:express-2025-casualties-2025-almost-420000')}`);
    const panel = w.page.getByTestId('corroboration-panel');
    await panel.waitFor();
    await expect.poll(() => t.app.events.listenerCount, { timeout: 10_000 }).toBeGreaterThan(0);
    const notice = w.page.getByTestId('live-notice');
    expect(await notice.isHidden()).toBe(true);
    await w.page.evaluate(() => ((window as any).__sameDocument = true));
    const figure = (id: string, value: number, text: string) => ({
      id,
      text,
      measure: 'measure:russian-military-casualties',
      quantity: { value, unit: 'persons', bound: 'APPROX', aggregation: 'PERIOD_TOTAL', precision: 10_000 },
      period: { start: '2025', granularity: 'YEAR' },
      attributedTo: ['org:explorer-live'],
    });
    const doc = {
      source: { id: 'src:explorer-live', kind: 'ARTICLE', title: 'Explorer live wire', publisher: 'org:explorer-live', publishedAt: '2026-02-01' },
      organizations: [{ id: 'org:explorer-live', name: 'Explorer Live', kind: 'MEDIA' }],
      claims: [
        figure('claim:explorer-live-far', 700_000, 'Live: some 700,000 killed or wounded in 2025.'),
        figure('claim:explorer-live-near', 420_000, 'Live: some 420,000 killed or wounded in 2025.'),
      ],
    };
    expect((await t.exec('mutation($doc: IngestDocument!) { ingest(document: $doc) { claimCount } }', { doc })).errors).toBeUndefined();
    await notice.waitFor({ state: 'visible', timeout: 10_000 });
    expect(await notice.textContent()).toMatch(/1 new figure conflicts since you opened this/);
    await notice.getByRole('button', { name: 'Show' }).click();
    await expect.poll(() => panel.textContent()).toContain('Live: some 700,000 killed or wounded in 2025.');
    expect(await w.page.evaluate(() => (window as any).__sameDocument)).toBe(true);
  });

  it('expands a node, and undo takes back exactly what it added; exports the view as PNG', async () => {
    w = await openPage(browser, origin);
    await w.page.goto(`${origin}/?claim=${encodeURIComponent(TERRITORY)}`);
    await w.page.waitForFunction(() => Number(document.querySelector('[data-testid="graph"]')?.getAttribute('data-node-count')) > 0);
    const before = await nodeCount(w);
    // Pick Syrskyi (keyboard list), expand him: his organization and other claims join.
    await w.page.locator('.node-list-box summary').first().click();
    await w.page.locator('.node-list button[data-node-id="person:oleksandr-syrskyi"]').click();
    await expect.poll(() => w.page.getByTestId('node-card').textContent()).toContain('Oleksandr Syrskyi');
    await w.page.getByRole('button', { name: 'Add the selected node’s neighbours' }).click();
    await expect.poll(() => nodeCount(w)).toBeGreaterThan(before);
    const expanded = await nodeCount(w);
    await w.page.getByRole('button', { name: 'Undo the last action (Ctrl+Z)' }).click();
    await expect.poll(() => nodeCount(w)).toBe(before);
    expect(expanded).toBeGreaterThan(before);

    const save = async (button: string, name: string): Promise<Buffer> => {
      const [download] = await Promise.all([w.page.waitForEvent('download'), w.page.getByRole('button', { name: button }).click()]);
      expect(download.suggestedFilename()).toBe(name);
      const chunks: Buffer[] = [];
      for await (const c of await download.createReadStream()) chunks.push(c as Buffer);
      return Buffer.concat(chunks);
    };
    const png = await save('Download the graph as a PNG image', 'claimgraph.png');
    expect(png.length).toBeGreaterThan(1000);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect((await save('Download the graph as an SVG image', 'claimgraph.svg')).toString('utf8')).toMatch(/<svg[\s\S]*<\/svg>/);
    const json = JSON.parse((await save('Download the graph as JSON (the graph payload)', 'claimgraph-graph.json')).toString('utf8'));
    expect(json.nodes).toHaveLength(before);
    expect(json.nodes.map((n: { id: string }) => n.id)).toContain(TERRITORY);

    // Filtering a kind out hides its nodes; undo brings them back.
    await w.page.locator('.graph-filters summary').click();
    await w.page.locator('input[data-filter="kind:SOURCE"]').click();
    await expect.poll(() => nodeCount(w)).toBeLessThan(before);
    await w.page.getByRole('button', { name: 'Undo the last action (Ctrl+Z)' }).click();
    await expect.poll(() => nodeCount(w)).toBe(before);
    expect(await w.page.locator('input[data-filter="kind:SOURCE"]').isChecked()).toBe(true);
  });

  it('cross-references the General Staff and the “I Want to Live” project, and keeps the view in the URL through back and forward', async () => {
    w = await openPage(browser, origin);
    await w.page.goto(`${origin}/?org=org%3Ageneral-staff-ua`);
    await w.page.getByTestId('agent-card').waitFor();
    await w.page.goto(`${origin}/?xref=org%3Ageneral-staff-ua,org%3Ai-want-to-live`);
    const result = w.page.getByTestId('xref-result');
    await result.waitFor();
    expect(await result.locator('h2').first().textContent()).toMatch(/General Staff.*×.*I Want to Live|I Want to Live.*×.*General Staff/);
    await w.page.waitForFunction(() => Number(document.querySelector('[data-testid="graph"]')?.getAttribute('data-node-count')) > 0);
    await w.page.goBack();
    await w.page.getByTestId('agent-card').waitFor();
    expect(w.page.url()).toBe(`${origin}/?org=org%3Ageneral-staff-ua`);
    await w.page.goForward();
    await w.page.getByTestId('xref-result').waitFor();
    expect(w.page.url()).toContain('?xref=');
  });

  it('is driven by the keyboard: / to search, arrows through the results, Enter to open', async () => {
    w = await openPage(browser, origin);
    await w.page.goto(origin);
    await w.page.locator('main h1').waitFor();
    await w.page.keyboard.press('/');
    expect(await w.page.evaluate(() => document.activeElement?.id)).toBe('search-box');
    await w.page.keyboard.type('General Staff');
    await w.page.getByTestId('search-results').locator('a[data-result-id]').first().waitFor();
    await w.page.keyboard.press('ArrowDown');
    const focused = await w.page.evaluate(() => (document.activeElement as HTMLElement).dataset.resultId);
    expect(focused).toBeTruthy();
    await w.page.keyboard.press('Enter');
    await w.page.waitForURL((url) => url.search.includes(encodeURIComponent(focused!)));
  });

  it('asks for a key where writes need one, keeps it out of the URL, and shows a rejected document’s problems by JSON path', async () => {
    const key = 'writer-key-for-the-explorer-test';
    const locked = await createTestApp(undefined, { access: new AccessPolicy(new KeyRing(parseApiKeys(`writer:write:${key}`)), { publicReads: true, openLocalWrites: true }) });
    try {
      await locked.app.http.listen({ port: 0, host: '127.0.0.1' });
      const lockedOrigin = `http://127.0.0.1:${(locked.app.http.server.address() as AddressInfo).port}`;
      w = await openPage(browser, lockedOrigin);
      await w.page.goto(lockedOrigin);
      await w.page.getByRole('button', { name: 'Ingest document…' }).click();
      const doc = { source: { id: 'src:explorer-test', kind: 'STATEMENT', publisher: 'org:express' }, claims: [{ id: 'claim:explorer-test', text: 'A test figure.', confidence: 3 }] };
      await w.page.getByTestId('ingest-document').fill(JSON.stringify(doc));
      await w.page.getByRole('button', { name: 'Validate and ingest' }).click();
      const out = w.page.getByTestId('ingest-result');
      await expect.poll(() => out.textContent()).toMatch(/API key/);
      await w.page.locator('#ingest-key').fill(key);
      await w.page.getByRole('button', { name: 'Validate and ingest' }).click();
      await expect.poll(() => out.textContent()).toMatch(/Rejected \(BAD_USER_INPUT\): 1 problem/);
      expect(await out.locator('.problems li').allTextContents()).toEqual(['claims[0].confidence: must be at most 1, got 3']);
      doc.claims[0].confidence = 0.5;
      await w.page.getByTestId('ingest-document').fill(JSON.stringify(doc));
      await w.page.getByRole('button', { name: 'Validate and ingest' }).click();
      await expect.poll(() => out.textContent()).toMatch(/Ingested 1 claim/);
      expect(await w.page.evaluate(() => localStorage.getItem('claimgraph.apiKey'))).toBe(key);
      expect(w.page.url()).not.toContain(key);
      // Refused writes answer 401 by design; the browser logs those as failed loads, nothing else.
      w.consoleErrors = w.consoleErrors.filter((e) => !/status of 401/.test(e));
    } finally {
      await w.page
        .context()
        .close()
        .catch(() => {});
      await locked.close();
    }
    w = await openPage(browser, origin); // for afterEach
  });
});
