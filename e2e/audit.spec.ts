/**
 * The on-page audit in Chromium: turned on from the popup, it outlines every ad of the page view with its
 * state, kind, network and rule; "Not an ad" stores a correction that removes the ad from later counts;
 * the picker marks an ad AdTally missed, which later page views detect with the user's rule.
 */
import { detectionsOf } from './accuracy/measure';
import { AuditLayer } from './pages/audit-layer';
import { OptionsPage } from './pages/options-page';
import { expect, tabIdOf, test } from './fixtures';
import { eventsFor, storedEvents } from './stored-events';

test('audit badges, a "not an ad" correction and a picked missed ad', async ({ page, port, popup, serviceWorker }) => {
  const url = `http://news.test:${port}/`;
  await page.goto(url);
  await expect.poll(async () => (await detectionsOf(serviceWorker, '*://news.test/*')).length).toBeGreaterThan(3);
  const detected = await detectionsOf(serviceWorker, '*://news.test/*');
  const tabId = await tabIdOf(serviceWorker, '*://news.test/*');

  await popup.open(tabId);
  await popup.setAudit(true);
  const audit = new AuditLayer(page);
  await expect(audit.root.locator('.box')).toHaveCount(detected.length);
  const badges = await audit.badges();
  expect(badges.map((b) => b.adId).sort()).toEqual(detected.map((d) => d.adId).sort());
  for (const badge of badges) {
    const detection = detected.find((d) => d.adId === badge.adId)!;
    expect(badge.rule).toBe(detection.rule);
    expect(badge.what).toContain(detection.kind);
    if (detection.network) expect(badge.what).toContain(detection.network);
  }
  // The leaderboard at the top has been in view for over a second: viewable.
  const leaderboard = await audit.boxOver('#div-gpt-ad-1700000000001-0');
  await expect(leaderboard.locator('.state')).toHaveText('viewable', { timeout: 5000 });

  // The house ad is not an ad, says the person auditing.
  await page.locator('#house-ad').scrollIntoViewIfNeeded();
  await page.waitForTimeout(1500);
  const house = await audit.boxOver('#house-ad');
  await house.getByRole('button', { name: 'Not an ad' }).click();
  await expect(house.locator('.note')).toContainText('Marked not an ad');
  const rules = () =>
    serviceWorker.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<{ userRules?: string }> } } } }).chrome;
      return (await api.storage.local.get('userRules')).userRules ?? '';
    });
  expect(await rules()).toMatch(/^news\.test#@#.+\n$/);

  // The picker: the article photo is not detected by any rule; the person marks it as an ad.
  expect(detected.some((d) => d.path.endsWith('>img:nth-child(1)'))).toBe(false);
  const saved = await audit.pickMissedAd('figure.shadow img');
  expect(saved).toContain('news.test##');
  expect((await rules()).split('\n').filter(Boolean)).toHaveLength(2);

  // The popup's switch turns the layer off.
  await popup.open(tabId);
  await popup.setAudit(false);
  await expect(audit.root).toHaveCount(0);

  // Later page views: the house ad is no longer an ad; the photo is, by the user's rule.
  const before = eventsFor(await storedEvents(serviceWorker), 'impression', 'utm_source=house').length;
  expect(before).toBe(1);
  await page.goto(url);
  await page.locator('#house-ad').scrollIntoViewIfNeeded();
  await page.locator('figure.shadow img').scrollIntoViewIfNeeded();
  await page.waitForTimeout(2000);
  const later = await detectionsOf(serviceWorker, '*://news.test/*');
  expect(later.some((d) => d.rule.startsWith('user:news.test##'))).toBe(true);
  expect(later.length).toBe(detected.length); // one ad fewer (house), one more (photo)
  await expect.poll(async () => (await storedEvents(serviceWorker)).some((e) => e.rule.startsWith('user:news.test##') && e.type === 'impression')).toBe(true);
  expect(eventsFor(await storedEvents(serviceWorker), 'impression', 'utm_source=house')).toHaveLength(before);
});

test('an options page left open with unsaved rule edits keeps a correction the audit files meanwhile', async ({ context, extensionId, page, port, popup, serviceWorker }) => {
  const options = new OptionsPage(await context.newPage(), `chrome-extension://${extensionId}`);
  await options.open();
  const textbox = options.page.getByRole('textbox', { name: 'My rules' });
  await textbox.fill('! edited on the options page\nblog.test##.promo-box\n');

  await page.bringToFront();
  await page.goto(`http://news.test:${port}/`);
  await expect.poll(async () => (await detectionsOf(serviceWorker, '*://news.test/*')).length).toBeGreaterThan(3);
  await popup.open(await tabIdOf(serviceWorker, '*://news.test/*'));
  await popup.setAudit(true);
  await page.bringToFront();
  const audit = new AuditLayer(page);
  await expect(audit.root.locator('.box').first()).toBeVisible();
  await page.locator('#house-ad').scrollIntoViewIfNeeded();
  let house = audit.root.locator('.box').first();
  await expect(async () => {
    house = await audit.boxOver('#house-ad');
  }).toPass({ timeout: 10_000 });
  await house.getByRole('button', { name: 'Not an ad' }).click();
  await expect(house.locator('.note')).toContainText('Marked not an ad');
  const correction = String(await options.storedUserRules()).trim();
  expect(correction).toMatch(/^news\.test#@#/);

  // The open page shows the new line below the edits, and its Save keeps both.
  await expect(textbox).toHaveValue(`! edited on the options page\nblog.test##.promo-box\n${correction}\n`);
  await options.page.getByRole('button', { name: 'Save rules' }).click();
  await expect(options.page.getByTestId('rules-result')).toHaveText('Saved. Pages opened from now on use these rules.');
  expect(await options.storedUserRules()).toBe(`! edited on the options page\nblog.test##.promo-box\n${correction}\n`);
});
