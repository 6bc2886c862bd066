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
import { deleteAll } from '../../src/services/admin/admin.js';
import { loadSeedAndDemo } from '../../src/services/admin/seed.js';
import { buildExplorer, graphsLaidOut, launchBrowser, openPage, type WatchedPage } from '../helpers/browser.js';
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

/** The README's demo table: each page opens with the effect it promises (before the review adds claims). */
describe('the demo corpus in the explorer', () => {
  /** Opens a page, runs the checks, and holds it to no foreign request and no console error. */
  async function page(url: string, check: (w: WatchedPage) => Promise<void>) {
    const w = await openPage(browser, origin);
    try {
      await w.page.goto(`${origin}/${url}`);
      await check(w);
      expect(w.foreignRequests).toEqual([]);
      expect(w.consoleErrors).toEqual([]);
    } finally {
      await w.page.context().close();
    }
  }
  const claim = (id: string) => `?claim=${encodeURIComponent(id)}`;
  const noIsoDates = async (w: WatchedPage, testId: string) => expect(await w.page.getByTestId(testId).textContent()).not.toMatch(/\b\d{4}-\d{2}(?:-\d{2})?\b/);

  it('shows circular reporting, and copies that are not confirmation, in words said once', async () => {
    await page(claim('claim:morning-briefing-record-week-350'), async (w) => {
      await w.page.getByTestId('circular-banner').waitFor();
      await noIsoDates(w, 'claim-card');
    });
    await page(claim('claim:express-2025-record-week-350'), async (w) => {
      const grade = w.page.getByTestId('corroboration-panel').locator('p.grade');
      await grade.waitFor();
      const text = (await grade.textContent())!;
      expect(text).toMatch(/^Credibility 3 — Possibly true\. Only sources sharing its origin agree/);
      expect(text.match(/Possibly true/g)).toHaveLength(1);
      // A week of August 2024 reads as dates in words, to their precision.
      expect(await w.page.getByTestId('claim-card').textContent()).toMatch(/August 2024/);
      await noIsoDates(w, 'claim-card');
    });
  }, 60_000);

  it('compares a share with absolute areas: one agrees, one conflicts', async () => {
    await page(claim('claim:express-2025-territory-taken-0-8-percent-2025'), async (w) => {
      const panel = w.page.getByTestId('corroboration-panel');
      await expect.poll(() => panel.locator('tbody tr[data-verdict="AGREES"]').count(), { timeout: 10_000 }).toBeGreaterThan(0);
      expect(await panel.locator('tbody tr[data-verdict="CONFLICTS"]').count()).toBeGreaterThan(0);
    });
  }, 60_000);

  it('cross-references a conflict between two officials, and agreement between independent bodies', async () => {
    const count = async (w: WatchedPage, verdict: string) => {
      await w.page.getByTestId('xref-result').waitFor();
      return w.page.locator(`table[data-verdict="${verdict}"] tbody tr`).count();
    };
    await page('?xref=org:armed-forces-ua,org:armed-forces-ru', async (w) => expect(await count(w, 'CONFLICTS')).toBeGreaterThan(0));
    await page('?xref=org:general-staff-ua,org:uk-defence-intelligence', async (w) => expect(await count(w, 'AGREES')).toBeGreaterThan(0));
  }, 60_000);

  it('draws the General Staff’s growing running total as its own line, its unit named, every value in the legend', async () => {
    await page(claim('claim:general-staff-casualties-2025-06-16'), async (w) => {
      const timeline = w.page.getByTestId('timeline');
      await timeline.waitFor();
      const kinds = await timeline.locator('.timeline-kind').evaluateAll((ks) =>
        ks.map((k) => ({
          kind: (k as HTMLElement).dataset.kind,
          unit: (k as HTMLElement).dataset.unit,
          title: k.querySelector('h3')!.textContent,
          values: [...k.querySelectorAll('li strong:first-child')].map((s) => s.textContent),
        })),
      );
      // One chart per kind of number: never one line through running totals and anything else.
      expect(new Set(kinds.map((k) => `${k.kind} ${k.unit}`)).size).toBe(kinds.length);
      const running = kinds.find((k) => k.kind === 'CUMULATIVE')!;
      expect(running.title).toBe(`Running totals (${running.unit})`);
      expect(running.values.length).toBeGreaterThanOrEqual(3);
      expect(running.values.every((v) => /\d/.test(v!))).toBe(true);
      // The x-axis spans the data: no more than a month of room past either end.
      const span = await timeline.locator('.timeline-kind[data-kind="CUMULATIVE"]').evaluate((k) => ({ ...(k as HTMLElement).dataset }));
      const days = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86_400_000;
      expect(days(span.lastEnd!, span.xTo!)).toBeLessThanOrEqual(31);
      expect(days(span.xFrom!, span.firstEnd!)).toBeLessThanOrEqual(31);
      expect(days(span.xFrom!, span.xTo!)).toBeGreaterThan(days(span.firstEnd!, span.lastEnd!));
      expect(await timeline.locator('canvas').count()).toBeGreaterThanOrEqual(kinds.length);
      expect((await timeline.locator('ol.timeline-list').allTextContents()).join(' ')).not.toMatch(/\b\d{4}-\d{2}(?:-\d{2})?\b/);
    });
  }, 60_000);
});

describe('graph labels', () => {
  it('overlap no other label, no node and no box heading in the seed’s and the demo’s views', async () => {
    const views = [
      '?claim=claim%3Aexpress-2025-record-week-350',
      '?claim=claim%3Amorning-briefing-record-week-350',
      '?claim=claim%3Aexpress-2025-territory-taken-0-8-percent-2025',
      '?claim=claim%3Aexpress-2025-casualties-1213460',
      '?xref=org:armed-forces-ua,org:armed-forces-ru',
      '?xref=org:general-staff-ua,org:uk-defence-intelligence',
      '?xref=org:general-staff-ua,org:i-want-to-live',
      '?node=src%3Aexpress-2025-russian-surrenders&depth=1',
    ];
    const w = await openPage(browser, origin);
    try {
      const found: Record<string, unknown[]> = {};
      for (const view of views) {
        await w.page.goto(`${origin}/${view}`);
        await graphsLaidOut(w.page);
        await w.page.waitForTimeout(600); // animated layouts settle
        const overlaps = await w.page.evaluate(() =>
          ([...document.querySelectorAll('[data-testid="graph"]')] as (HTMLElement & { labelOverlaps: () => unknown[] })[]).flatMap((g) => g.labelOverlaps()),
        );
        if (overlaps.length) found[view] = [...overlaps, await w.page.evaluate(() => [...document.querySelectorAll('[data-testid="graph"]')].map((g) => (g as HTMLElement).dataset.labelRounds))];
      }
      expect(found).toEqual({});
      expect(w.foreignRequests).toEqual([]);
      expect(w.consoleErrors).toEqual([]);
    } finally {
      await w.page.context().close();
    }
  }, 120_000);
});

describe('a big neighbourhood', () => {
  it('is drawn with its claims and lone leaves collapsed into counted groups, which open and close again; “every node” draws them all', async () => {
    const source = encodeURIComponent('src:express-2025-russian-surrenders');
    const w = await openPage(browser, origin);
    const count = async () => Number(await w.page.getByTestId('graph').getAttribute('data-node-count'));
    const laidOut = () => graphsLaidOut(w.page);
    try {
      await w.page.goto(`${origin}/?node=${source}&depth=3&all=1`);
      await laidOut();
      const every = await count();
      expect(every).toBeGreaterThan(60);
      await w.page.goto(`${origin}/?node=${source}&depth=3`);
      await laidOut();
      const grouped = await count();
      expect(grouped).toBeLessThan(every / 2);
      expect(await w.page.locator('.graph-status').textContent()).toMatch(/grouped into \d+ counted nodes/);
      await w.page.waitForTimeout(600);
      expect(await w.page.evaluate(() => (document.querySelector('[data-testid="graph"]') as HTMLElement & { labelOverlaps: () => unknown[] }).labelOverlaps())).toEqual([]);
      // The article's own claims are one group; its card opens it, undo closes it again.
      await w.page.locator('.node-list-box summary').first().click();
      const group = w.page.locator('.node-list button[data-node-id^="group:src:express-2025-russian-surrenders:CLAIM"]');
      expect(await group.textContent()).toMatch(/Claim: \d+ claims in Russian soldiers revolt/);
      await group.click();
      await w.page
        .getByTestId('node-card')
        .getByRole('button', { name: /^Show the \d+ claims/ })
        .click();
      await expect.poll(count).toBeGreaterThan(grouped);
      await w.page.getByRole('button', { name: 'Undo the last action (Ctrl+Z)' }).click();
      await expect.poll(count).toBe(grouped);
      expect(w.foreignRequests).toEqual([]);
      expect(w.consoleErrors).toEqual([]);
    } finally {
      await w.page.context().close();
    }
  }, 60_000);
});

describe('a claim’s source chain', () => {
  it('is drawn whole inside a 1280×800 window without scrolling, in the seed’s and the demo’s claims', async () => {
    const claims = ['claim:express-2025-record-week-350', 'claim:express-2025-casualties-1213460', 'claim:express-2025-territory-taken-0-8-percent-2025', 'claim:morning-briefing-record-week-350'];
    const w = await openPage(browser, origin);
    try {
      const outside: Record<string, unknown> = {};
      for (const id of claims) {
        await w.page.goto(`${origin}/?claim=${encodeURIComponent(id)}`);
        await graphsLaidOut(w.page, '.chain');
        await w.page.waitForTimeout(600); // an animated layout settles
        const box = await w.page.evaluate(() => {
          const g = document.querySelector('.chain [data-testid="graph"]') as HTMLElement & { drawnBox: () => { x1: number; y1: number; x2: number; y2: number } };
          const r = g.getBoundingClientRect();
          const d = g.drawnBox();
          return { top: r.top + d.y1, bottom: r.top + d.y2, left: r.left + d.x1, right: r.left + d.x2, scrollY: window.scrollY, innerHeight: window.innerHeight };
        });
        if (box.scrollY !== 0 || box.top < 0 || box.left < 0 || box.bottom > box.innerHeight || box.right > 1280) outside[id] = box;
      }
      expect(outside).toEqual({});
      expect(w.consoleErrors).toEqual([]);
    } finally {
      await w.page.context().close();
    }
  }, 60_000);
});

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
      expect(await summary.textContent()).toMatch(
        new RegExp(`${drafted - 2} claims added; \\d+ agrees? with figures already in the graph, \\d+ conflicts?, [1-9]\\d* repeats? an origin already known`),
      );
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
