/**
 * The review page in a real browser against the real server, with the seed and the demo corpus
 * and writes that need a key: paste the seed article's text → the draft table shows its figures →
 * edit one (the dry run answers next to the field), reject one → a reload keeps the review →
 * ingest with a key → the summary links to a corroboration that shows the agreement. No request
 * leaves the origin, no console error.
 */
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseApiKeys } from '../../src/config.js';
import { AccessPolicy } from '../../src/services/access/accessPolicy.js';
import { KeyRing } from '../../src/services/access/keyRing.js';
import { deleteAll } from '../../src/services/admin.js';
import { loadSeedAndDemo } from '../../src/services/seed.js';
import { buildExplorer, launchBrowser, openPage, type WatchedPage } from '../helpers/browser.js';
import { seedArticleText, seedGraph } from '../helpers/graph.js';
import { createTestApp, type TestApp } from '../helpers/testApp.js';

const KEY = 'writer-key-for-the-review-test';
let t: TestApp;
let browser: Browser;
let origin: string;

beforeAll(async () => {
  buildExplorer();
  t = await createTestApp(undefined, { access: new AccessPolicy(new KeyRing(parseApiKeys(`writer:write:${KEY}`)), { publicReads: true, openLocalWrites: true }) });
  await deleteAll(t.db);
  await loadSeedAndDemo(t.db);
  await t.app.http.listen({ port: 0, host: '127.0.0.1' });
  origin = `http://127.0.0.1:${(t.app.http.server.address() as AddressInfo).port}`;
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  // The other files expect the seed alone.
  if (t) await seedGraph(t.db);
  await t?.close();
});

const rows = (w: WatchedPage) => w.page.getByTestId('draft-row');

describe('the review page', () => {
  it('drafts the seed article, takes an edit and a rejection, survives a reload, and ingests with a key', async () => {
    const w = await openPage(browser, origin);
    try {
      await w.page.goto(origin);
      await w.page.getByTestId('open-review').click();
      await w.page.waitForURL(`${origin}/?review`);
      // The date starts empty and is required.
      expect(await w.page.getByTestId('article-published').inputValue()).toBe('');
      await w.page.getByTestId('article-text').fill(seedArticleText());
      await w.page.locator('#article-title').fill('Russian surrenders at record levels');
      await w.page.locator('#article-publisher').fill('Express');
      await w.page.getByTestId('draft-submit').click();
      expect(await w.page.getByTestId('article-form').evaluate((f) => (f as HTMLFormElement).checkValidity())).toBe(false);
      await w.page.getByTestId('article-published').fill('2025-12-10');
      await w.page.getByTestId('draft-submit').click();

      await rows(w).first().waitFor();
      const drafted = await rows(w).count();
      expect(drafted).toBeGreaterThanOrEqual(18);
      expect(await w.page.getByTestId('draft-figure').count()).toBeGreaterThanOrEqual(drafted);
      // Clicking a figure in the text selects its row.
      await w.page.getByTestId('draft-figure').nth(2).click();
      await expect.poll(() => rows(w).nth(2).getAttribute('class')).toMatch(/selected/);

      // An edit is dry-run at once: a surrender count in km2 does not fit its measure.
      const row = rows(w).filter({ hasText: '350' }).first();
      const unit = row.locator('td[data-field="quantity.unit"] input');
      await unit.fill('km2');
      const problems = w.page.locator('tr.row-problems:not([hidden])');
      await expect.poll(() => problems.first().textContent(), { timeout: 10_000 }).toMatch(/km2.*persons|persons.*km2/);
      await expect.poll(() => row.locator('td[data-field="quantity.unit"]').getAttribute('class')).toMatch(/has-problem/);
      await unit.fill('persons');
      await expect.poll(() => problems.count(), { timeout: 10_000 }).toBe(0);

      // Reject one: by its button, and one more by the keyboard.
      await rows(w).first().getByTestId('reject').click();
      await expect.poll(() => rows(w).first().getAttribute('class')).toMatch(/rejected/);
      await w.page.locator('main h1').click();
      await w.page.keyboard.press('j');
      await w.page.keyboard.press('x');
      const rejected = await w.page.locator('tr.claim-row.rejected').count();
      expect(rejected).toBe(2);

      // A reload keeps the review.
      await w.page.reload();
      await rows(w).first().waitFor();
      expect(await rows(w).count()).toBe(drafted);
      expect(await w.page.locator('tr.claim-row.rejected').count()).toBe(2);

      // Ingest: the server wants a key; then the summary says what the new claims meet.
      await w.page.getByTestId('ingest-draft').click();
      await expect.poll(() => w.page.getByTestId('review-out').textContent()).toMatch(/API key/);
      await w.page.getByTestId('review-key').fill(KEY);
      await w.page.getByTestId('ingest-draft').click();
      const summary = w.page.getByTestId('ingest-summary');
      await summary.waitFor({ timeout: 30_000 });
      expect(await summary.textContent()).toMatch(new RegExp(`${drafted - 2} claims added; \\d+ agrees? with figures already in the graph, \\d+ conflicts?, [1-9]\\d* repeats? an origin already known`));
      expect(await w.page.evaluate(() => localStorage.getItem('claimgraph.review'))).toBeNull();
      // A claim that repeats a known origin opens on its corroboration, where the agreement shows.
      await summary.locator('h3:has-text("Repeat a known origin") + ul a').first().click();
      const panel = w.page.getByTestId('corroboration-panel');
      await panel.waitFor();
      await expect.poll(() => panel.locator('tbody tr[data-verdict="AGREES"]').count()).toBeGreaterThan(0);
      // Refused writes answer 401 by design; the browser logs those as failed loads, nothing else.
      expect(w.consoleErrors.filter((e) => !/status of 401/.test(e))).toEqual([]);
      expect(w.foreignRequests).toEqual([]);
    } finally {
      await w.page.context().close();
    }
  }, 120_000);
});
