/**
 * The scripted visit to the fixture sites, as a person would make it: real wheel scrolling and real mouse
 * clicks (trusted events), ad links opening in new tabs that are closed again. e2e/sites/expected.ts says
 * what it must record. Used by the e2e tests and by `npm start --headless`.
 */

/** Scrolls to the end of the page in wheel steps, pausing so the browser renders and reports intersections. */
export async function scrollThrough(page, { step = 360, pauseMs = 200 } = {}) {
  for (let i = 0; i < 200; i++) {
    const atEnd = await page.evaluate(() => window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2);
    if (atEnd) break;
    await page.mouse.wheel(0, step);
    await page.waitForTimeout(pauseMs);
  }
  await page.waitForTimeout(300);
}

/** Clicks the middle of an element with the real mouse; closes the tab the ad opens and returns to the page. */
export async function clickAndReturn(page, locator) {
  await locator.scrollIntoViewIfNeeded();
  await page.waitForTimeout(300);
  const box = await locator.boundingBox();
  if (!box) throw new Error(`nothing to click: ${locator}`);
  const opened = page.context().waitForEvent('page', { timeout: 5_000 }).catch(() => null);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  const tab = await opened;
  if (tab) {
    await tab.waitForLoadState().catch(() => {});
    await tab.close();
  }
  await page.bringToFront();
  await page.waitForTimeout(300);
}

/** Brings an element into view and keeps it there for `ms`, as a reader lingering on it. */
export async function dwellOn(page, locator, ms = 1500) {
  await locator.scrollIntoViewIfNeeded();
  await page.waitForTimeout(ms);
}

/**
 * news.test: linger at the top (leaderboard and sidebar ad in view 1.5 s), on the in-article ad and on the
 * house ad (1.5 s each: all four viewable), read to the end, then click the house ad and the AdSense creative
 * inside its cross-origin iframe.
 */
export async function visitNews(page, port) {
  await page.goto(`http://news.test:${port}/`);
  // GPT renders its iframes after load, as the real tag does.
  await page.waitForFunction(() => document.querySelectorAll('iframe[id^="google_ads_iframe_"]').length === 2);
  await page.waitForTimeout(1500);
  await dwellOn(page, page.locator('#div-gpt-ad-1700000000001-1'));
  await dwellOn(page, page.locator('.ad-unit.house'));
  await scrollThrough(page);
  await clickAndReturn(page, page.locator('#house-ad img'));
  await clickAndReturn(page, page.locator('iframe#aswift_0'));
}

/** blog.test: open the recipe and read the top of it without scrolling. */
export async function visitBlog(page, port) {
  await page.goto(`http://blog.test:${port}/`);
  await page.waitForTimeout(1500);
}
