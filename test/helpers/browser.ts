/**
 * A real browser for the explorer's tests: Debian's Chromium (/usr/bin/chromium, installed by
 * .ci/run) driven by playwright-core, against the app served on a loopback port. Every page
 * records its console errors and any request that leaves the server's origin.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Builds web/dist/ when its sources changed (bin/build.mjs --web). */
export function buildExplorer(): void {
  execFileSync(process.execPath, [path.join(ROOT, 'bin', 'build.mjs'), '--web'], { cwd: ROOT, stdio: 'inherit' });
}

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: install Debian's package (apt-get install chromium), as .ci/run does, or set CHROMIUM_PATH`);
  // Flags: no sandbox as root; no background networking, which this machine's closed network refuses.
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

export interface WatchedPage {
  page: Page;
  consoleErrors: string[];
  foreignRequests: string[];
}

export async function openPage(browser: Browser, origin: string): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  const foreignRequests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== origin) foreignRequests.push(url);
  });
  return { page, consoleErrors, foreignRequests };
}

/** Waits until the page shows a graph (under `within`, a CSS selector) and every one has laid out. */
export async function graphsLaidOut(page: Page, within = ''): Promise<void> {
  await page.waitForFunction(
    (selector) => {
      const graphs = [...document.querySelectorAll(selector)] as HTMLElement[];
      return graphs.length > 0 && graphs.every((g) => g.dataset.layout === 'done');
    },
    `${within} [data-testid="graph"]`.trim(),
    { timeout: 20_000 },
  );
}
