/**
 * The same visit to news.test as counting.spec.ts, in Firefox ESR with dist/firefox installed: the popup
 * must show exactly the expected row, viewability (four ads in view 1.5 s) and the iframe click included.
 */
import { expect, test } from '@playwright/test';
import { startFixtureServer } from '../scripts/fixture-server.mjs';
import { EXPECTED_VISIT, NEVER_SITES } from './sites/expected';
import { clickAndReturn, dwellOn, launchFirefoxWithExtension, openExtensionPage, scrollThrough } from './firefox';
import { readStoredEvents } from './stored-events';

test('Firefox: a visit to news.test shows exact counts in the popup', async () => {
  const server = await startFixtureServer();
  const browser = await launchFirefoxWithExtension();
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 720 });
    await page.goto(`http://news.test:${server.port}/`);
    await page.waitForFunction(() => document.querySelectorAll('iframe[id^="google_ads_iframe_"]').length === 2);
    await new Promise((r) => setTimeout(r, 1500));
    await dwellOn(page, '#div-gpt-ad-1700000000001-1');
    await dwellOn(page, '.ad-unit.house');
    await scrollThrough(page);
    await clickAndReturn(browser, page, '#house-ad img');
    await clickAndReturn(browser, page, 'iframe#aswift_0');

    const popup = await browser.newPage();
    const readRows = async () => {
      await openExtensionPage(popup, 'popup.html', 'table.stats, p.note');
      return popup.$$eval('table.stats tbody tr', (trs) =>
        trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent?.trim() ?? '')),
      );
    };
    const news = EXPECTED_VISIT.find((r) => r.site === 'news.test')!;
    const expected = [[news.site, String(news.impressions), String(news.viewable), String(news.clicks), news.ctr]];
    await expect(async () => expect(await readRows()).toEqual(expected)).toPass({ timeout: 10_000 });
    const sites = (await readRows()).map((r) => r[0]);
    for (const host of NEVER_SITES) expect(sites).not.toContain(host);

    // The dashboard in Firefox: the week's totals and top sites, unfiltered (daily rows) and filtered by
    // site (the cell rows, whose JSON-array keys Firefox's IndexedDB orders and ranges like Chromium's).
    const totals = `${news.impressions} impressions, ${news.viewable} viewable, ${news.clicks} clicks, CTR ${news.ctr}`;
    const readDashboard = async (query: string) => {
      // A new tab each time: the previous view's elements must not answer for the next.
      const dashboard = await browser.newPage();
      await openExtensionPage(dashboard, `dashboard.html?range=7d${query}`, 'main[aria-busy="false"] [data-testid="daily-chart"][data-ready="true"]');
      const shown = await dashboard.evaluate(() => {
        const topSites = [...document.querySelectorAll('.tops section.card')].find((s) => s.querySelector('h2')?.textContent?.startsWith('Top sites'))!;
        const headers = [...topSites.querySelectorAll('thead th')].map((th) => th.textContent?.trim());
        const cells = [...(topSites.querySelector('tbody tr')?.querySelectorAll('th, td') ?? [])].map((c) => c.textContent?.trim());
        return {
          totals: (document.querySelector('[data-testid="range-totals"]')?.textContent ?? '').replace(/^\s*·\s*/, '').trim(),
          sites: [...topSites.querySelectorAll('tbody th')].map((th) => th.textContent?.trim()),
          // The first site's in-view and viewability rates: its measured ads, in view or not.
          rates: [cells[headers.indexOf('In view')], cells[headers.indexOf('Viewability')]],
        };
      });
      await dashboard.close();
      return shown;
    };
    // All four ads were measured, and all four came into view and became viewable.
    const rates = ['100.0%', '100.0%'];
    expect(await readDashboard('')).toEqual({ totals, sites: ['news.test'], rates });
    expect(await readDashboard('&site=news.test')).toEqual({ totals, sites: ['news.test'], rates });
    const measured = (await popup.evaluate(readStoredEvents)).filter((e) => e.type === 'measured');
    expect(measured.map((e) => e.reached)).toEqual(['viewable', 'viewable', 'viewable', 'viewable']);
    expect((await readDashboard('&site=blog.test')).totals).toBe('0 impressions, 0 viewable, 0 clicks, CTR —');
  } finally {
    await browser.close();
    await server.close();
  }
});

test('Firefox: hiding the tab mid-view pauses the viewability clock', async () => {
  const server = await startFixtureServer();
  const browser = await launchFirefoxWithExtension();
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 720 });
    await page.goto(`http://measure.test:${server.port}/viewability.html`);
    await sleep(800);
    const scrollTo = async (selector: string | null) => {
      if (selector) await (await page.waitForSelector(selector))!.scrollIntoView();
      else await page.evaluate('window.scrollTo(0, 0)');
    };
    // 0.6 s in view, 2 s hidden behind another tab, 0.6 s in view again: never 1 s in a row.
    await scrollTo('#ad-long');
    await sleep(600);
    const other = await browser.newPage();
    await other.bringToFront();
    await sleep(2000);
    expect(await page.evaluate(() => document.visibilityState)).toBe('hidden');
    await page.bringToFront();
    await sleep(600);
    await scrollTo(null);
    await sleep(1500);

    const popup = other;
    const row = async () => {
      await popup.bringToFront();
      await openExtensionPage(popup, 'popup.html', 'table.stats, p.note');
      return popup.$$eval('table.stats tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent?.trim() ?? '')));
    };
    await expect(async () => expect(await row()).toEqual([['measure.test', '1', '0', '0', '0.0%']])).toPass({ timeout: 10_000 });

    // Then 1.5 s in view without interruption: viewable.
    await page.bringToFront();
    await scrollTo('#ad-long');
    await sleep(1500);
    await scrollTo(null);
    await sleep(1500);
    await expect(async () => expect(await row()).toEqual([['measure.test', '1', '1', '0', '0.0%']])).toPass({ timeout: 10_000 });
  } finally {
    await browser.close();
    await server.close();
  }
});

test('Firefox: a click on an ad that leaves for another site keeps the click and the whole dwell', async () => {
  const server = await startFixtureServer();
  const browser = await launchFirefoxWithExtension();
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 720 });
    await page.goto(`http://measure.test:${server.port}/leave.html`);
    // In view a few seconds: a periodic dwell report (every 5 s) has gone, the rest is owed when the page goes.
    await new Promise((r) => setTimeout(r, 7000));
    const box = (await (await page.waitForSelector('#ad-leave img'))!.boundingBox())!;
    const clickedAt = Date.now();
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForFunction(() => location.hostname === 'shop.test');
    const landedAt = Date.now();

    const extensionPage = await browser.newPage();
    await openExtensionPage(extensionPage, 'popup.html', 'table.stats, p.note');
    let measured = '';
    await expect(async () => {
      const events = await extensionPage.evaluate(readStoredEvents);
      const ofType = (type: string) => events.filter((e) => e.type === type && e.landingUrl?.includes('c=leave'));
      expect(ofType('click')).toHaveLength(1);
      expect(ofType('impression')).toHaveLength(1);
      expect(ofType('dwell')).toHaveLength(1);
      const inView = (until: number) => until - ofType('impression')[0]!.time;
      // The landing page answers 1.5 s after the click (?delay=1500), and the page is shown until then.
      measured = `dwell stored ${ofType('dwell')[0]!.dwellMs} ms; in view ${inView(clickedAt + 1500)}–${inView(landedAt)} ms`;
      // The dwell the page reported in pagehide, filed under the page that was left (Firefox sends it from a tab with no URL).
      expect(ofType('dwell')[0]!.dwellMs).toBeGreaterThanOrEqual(inView(clickedAt + 1500) - 100);
      expect(ofType('dwell')[0]!.dwellMs).toBeLessThanOrEqual(inView(landedAt) + 100);
      expect(new Set(events.map((e) => e.site))).toEqual(new Set(['measure.test']));
    }).toPass({ timeout: 15_000 });
    console.log(`Firefox, leave by an ad click: ${measured}`);
  } finally {
    await browser.close();
    await server.close();
  }
});

test('Firefox: the gallery shows a picture of each creative after a visit', async () => {
  const server = await startFixtureServer();
  const browser = await launchFirefoxWithExtension();
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 720 });
    await page.goto(`http://gallery.test:${server.port}/`);
    // The ads stay in view past the viewable second while this tab is the one shown: an extension page in
    // another tab would hide it (Firefox stops the clocks of hidden tabs) and captureVisibleTab sees only the active tab.
    await dwellOn(page, '#kettle-1', 2500);
    // Two creatives (the two kettle boxes are one): two cards, each with its picture.
    const readCards = async () => {
      const dashboard = await browser.newPage();
      await openExtensionPage(dashboard, 'dashboard.html?range=7d', '[data-testid="creatives-gallery"][aria-busy="false"]');
      const cards = await dashboard.$$eval('[data-testid="creatives-gallery"] .creative-card', (items) =>
        items.map((card) => {
          const img = card.querySelector<HTMLImageElement>('img[data-testid="creative-picture"]');
          return { headline: card.querySelector('.headline')?.textContent, picture: img ? { type: img.src.slice(0, 15), shown: img.complete && img.naturalWidth > 0 } : null };
        }),
      );
      await dashboard.close();
      await page.bringToFront();
      return cards.sort((a, b) => String(a.headline).localeCompare(String(b.headline)));
    };
    await expect(async () =>
      expect(await readCards()).toEqual([
        { headline: 'Copper kettles, half price', picture: { type: 'data:image/webp', shown: true } },
        { headline: 'Nova Bank: 4% on savings', picture: { type: 'data:image/webp', shown: true } },
      ]),
    ).toPass({ timeout: 15_000 });
  } finally {
    await browser.close();
    await server.close();
  }
});
