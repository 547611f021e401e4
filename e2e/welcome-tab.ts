/**
 * AdTally opens its welcome page once, on install (background/welcome-tab.ts), and each puppeteer launch
 * (Firefox, the prerender test's Chromium) is a fresh install: the harness waits for that tab and closes
 * it, so a test starts as before, with the browser's own first tab. Playwright launches do the same in
 * scripts/launch-chromium.mjs.
 */
import type { Browser } from 'puppeteer-core';

export async function closeWelcomeTarget(browser: Browser, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    // Each tab's own address: under WebDriver BiDi, Firefox reports a tab the extension opened as
    // about:blank (its target's URL is never updated), while the document in it is welcome.html.
    for (const page of await browser.pages()) {
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (href.endsWith('/welcome.html')) return page.close();
    }
    if (Date.now() > deadline) throw new Error(`AdTally's welcome tab did not open within ${timeoutMs} ms of the install`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
