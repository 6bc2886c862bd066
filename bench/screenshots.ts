/**
 * The README's screenshots, taken from what `npm start` shows a newcomer: a fresh embedded Neo4j
 * with the seed and the demo corpus (data/seed/, data/demo/), the real server, Debian's Chromium
 * at 1280×800. Writes docs/explorer-*.png and prints each with its caption, as the README carries
 * them (`npm run screenshots`).
 */
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { createApp } from '../src/server/app.js';
import { draftPool } from '../src/services/draft/draftPool.js';
import { loadSeedAndDemo, quotesText } from '../src/services/admin/seed.js';
import { buildExplorer, launchBrowser } from '../test/helpers/browser.js';
import { benchDatabase } from './benchDatabase.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface Shot {
  file: string;
  caption: string;
  url: string;
  /** What must be on screen before the picture is taken. */
  ready: (page: Page) => Promise<void>;
}

const graphDrawn = (page: Page) => page.waitForFunction(() => Number(document.querySelector('[data-testid="graph"]')?.getAttribute('data-node-count')) > 0, undefined, { timeout: 30_000 });

const shots: Shot[] = [
  {
    file: 'explorer-claim.png',
    caption:
      'A claim repeated by two outlets that both go back to the “I Want to Live” data: the circular-reporting banner and the source chain, origin boxed by the institution behind it (demo corpus)',
    url: '/?claim=claim%3Amorning-briefing-record-week-350',
    ready: async (page) => {
      await page.getByTestId('circular-banner').waitFor();
      await graphDrawn(page);
      await page.getByTestId('circular-banner').evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 60));
    },
  },
  {
    file: 'explorer-corroboration.png',
    caption: 'Syrskyi’s 0.8% of Ukraine taken in 2025, compared as an area with DeepState’s figure (agrees) and Gerasimov’s (conflicts)',
    url: '/?claim=claim%3Aexpress-2025-territory-taken-0-8-percent-2025',
    ready: async (page) => {
      const panel = page.getByTestId('corroboration-panel');
      await panel.locator('tbody tr').first().waitFor();
      await panel.scrollIntoViewIfNeeded();
    },
  },
  {
    file: 'explorer-xref.png',
    caption: 'A cross-reference of the Armed Forces of Ukraine and of the Russian Federation: Syrskyi’s and Gerasimov’s figures for 2025 conflict',
    url: '/?xref=org%3Aarmed-forces-ua,org%3Aarmed-forces-ru',
    ready: async (page) => {
      await page.locator('main h1').waitFor();
      await graphDrawn(page);
    },
  },
  {
    file: 'explorer-timeline.png',
    caption: 'The General Staff’s casualty figures over time: running totals as a line, the totals over a period in bars of their own, each with its unit and every value listed',
    url: '/?claim=claim%3Ageneral-staff-casualties-2025-06-16',
    ready: async (page) => {
      const timeline = page.getByTestId('timeline');
      await timeline.locator('canvas').first().waitFor();
      await timeline.evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 20));
    },
  },
];

buildExplorer();
const db = await benchDatabase();
const app = await createApp({ db: db.db, logLevel: 'warn' });
const browser = await launchBrowser();
try {
  await loadSeedAndDemo(db.db);
  await app.http.listen({ port: 0, host: '127.0.0.1' });
  const origin = `http://127.0.0.1:${(app.http.server.address() as AddressInfo).port}`;
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  for (const shot of shots) {
    await page.goto(origin + shot.url);
    await shot.ready(page);
    await page.waitForTimeout(500); // layout animations settle
    await page.screenshot({ path: path.join(root, 'docs', shot.file) });
    console.log(`![${shot.caption}](docs/${shot.file})`);
  }
  // The review page, with the seed article's text drafted.
  const seed = JSON.parse(fs.readFileSync(path.join(root, 'data/seed/express-2025-russian-surrenders.json'), 'utf8'));
  await page.goto(`${origin}/?review`);
  await page.getByTestId('article-text').fill(quotesText(seed));
  await page.locator('#article-title').fill(seed.source.title);
  await page.locator('#article-publisher').fill('Express');
  await page.getByTestId('article-published').fill('2025-12-10');
  await page.getByTestId('draft-submit').click();
  await page.getByTestId('draft-row').first().waitFor();
  await page.getByTestId('draft-figure').nth(1).click();
  await page.waitForTimeout(1_000); // the dry run answers
  await page.screenshot({ path: path.join(root, 'docs', 'explorer-review.png') });
  console.log('![The review page: the seed article’s quoted sentences drafted, figures highlighted in the text beside the editable table of drafted claims](docs/explorer-review.png)');
  await context.close();
} finally {
  await browser.close();
  await app.http.close();
  await draftPool.close();
  await db.cleanup();
}
