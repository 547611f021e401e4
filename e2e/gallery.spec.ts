/**
 * Pictures of creatives and the gallery (docs/measurement.md, "Pictures"), in Chromium: one picture per
 * fingerprint when its first ad becomes viewable, cropped to the ad, with what it said and where it led; the
 * dashboard's gallery with counts equal to the stored events; the switch; deletion with the site.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { OptionsPage } from './pages/options-page';
import { storedEvents } from './stored-events';
import { storedPictures } from './stored-pictures';

const url = (port: number, path: string) => `http://gallery.test:${port}${path}`;
const counted = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Each ad's box and, as fractions of it, the centre of its image: where the picture must show the image's colour. */
async function adBoxes(page: Page) {
  return page.evaluate(() =>
    Object.fromEntries(
      ['bank', 'kettle-1', 'lamp'].flatMap((id) => {
        const ad = document.getElementById(id);
        if (!ad) return [];
        const box = ad.getBoundingClientRect();
        const img = ad.querySelector('img')!.getBoundingClientRect();
        return [[id, { width: box.width, height: box.height, imageCentre: { x: (img.x + img.width / 2 - box.x) / box.width, y: (img.y + img.height / 2 - box.y) / box.height } }]];
      }),
    ),
  );
}

const KETTLE_GREEN: [number, number, number] = [0x2a, 0x9d, 0x8f];
const KETTLE_YELLOW: [number, number, number] = [0xe9, 0xc4, 0x6a];
const BANK_BLUE: [number, number, number] = [0x26, 0x46, 0x53];
/** WebP is lossy: a flat colour comes back within a few levels. */
const near = (a: [number, number, number] | null, b: [number, number, number]) => a !== null && a.every((v, i) => Math.abs(v - b[i]!) <= 12);

test('one picture per creative, cropped to its ad, with its words and addresses; the gallery shows them with the stored counts', async ({ page, port, serviceWorker, context, extensionId }) => {
  await page.goto(url(port, '/'));
  const boxes = await adBoxes(page);
  // Two creatives (the kettle boxes share one): two pictures, never three.
  await expect.poll(async () => (await storedPictures(serviceWorker)).length, { timeout: 10_000 }).toBe(2);

  const events = await storedEvents(serviceWorker);
  const kettleFp = events.find((e) => e.landingUrl?.includes('g-kettle'))!.fingerprint;
  const bankFp = events.find((e) => e.landingUrl?.includes('g-bank'))!.fingerprint;
  const pictures = await storedPictures(serviceWorker, boxes['kettle-1']!.imageCentre);
  const kettle = pictures.find((p) => p.fingerprint === kettleFp)!;
  const bank = pictures.find((p) => p.fingerprint === bankFp)!;
  expect(kettle).toMatchObject({
    site: 'gallery.test',
    headline: 'Copper kettles, half price',
    landingUrl: 'http://kettles.test/copper?c=g-kettle',
    creativeUrl: `http://gallery.test:${port}/kettle.svg`,
    type: 'image/webp',
  });
  // The visible text as a person reads it: the hidden note is not in it.
  expect(kettle.text).toContain('Copper kettles, half price Hand-made in Sheffield. Free delivery over £40.');
  expect(kettle.text).not.toContain('HIDDEN-NOTE');
  expect(bank).toMatchObject({ headline: 'Nova Bank: 4% on savings', landingUrl: 'http://novabank.test/savings?c=g-bank' });
  // The picture is the ad's rectangle: its stored size is the decoded one, its shape the ad's (±2%), no wider than 300 px here (ratio 1).
  for (const [picture, box] of [
    [kettle, boxes['kettle-1']!],
    [bank, boxes.bank!],
  ] as const) {
    expect(picture.decoded).toEqual({ width: picture.width, height: picture.height });
    expect(picture.width).toBeLessThanOrEqual(300);
    expect(Math.abs(picture.width / picture.height / (box.width / box.height) - 1)).toBeLessThan(0.02);
  }
  // And it shows the ad: the kettle image's yellow disc at the image's centre, its green near its left edge.
  expect(near(kettle.colourAt, KETTLE_YELLOW)).toBe(true);
  const kettleEdge = (await storedPictures(serviceWorker, { x: 0.05, y: boxes['kettle-1']!.imageCentre.y })).find((p) => p.fingerprint === kettleFp)!;
  expect(near(kettleEdge.colourAt, KETTLE_GREEN)).toBe(true);
  const bankPixel = (await storedPictures(serviceWorker, { x: 0.2, y: boxes.bank!.imageCentre.y })).find((p) => p.fingerprint === bankFp)!;
  expect(near(bankPixel.colourAt, BANK_BLUE)).toBe(true);

  // The dashboard's gallery: a card per creative, with the picture and counts equal to the stored events.
  await page.goto('about:blank');
  const stored = await storedEvents(serviceWorker);
  const dashboard = await context.newPage();
  await dashboard.goto(`chrome-extension://${extensionId}/dashboard.html`);
  const gallery = dashboard.getByTestId('creatives-gallery');
  await expect(gallery.locator('.creative-card')).toHaveCount(2);
  for (const fingerprint of [kettleFp, bankFp]) {
    const card = gallery.locator(`.creative-card[data-fingerprint="${fingerprint}"]`);
    const impressions = stored.filter((e) => e.type === 'impression' && e.fingerprint === fingerprint).length;
    const clicks = stored.filter((e) => e.type === 'click' && e.fingerprint === fingerprint).length;
    await expect(card.getByTestId('card-impressions')).toHaveText(counted(impressions, 'impression', 'impressions'));
    await expect(card.getByTestId('card-clicks')).toHaveText(counted(clicks, 'click', 'clicks'));
    await expect(card.getByTestId('creative-picture')).toBeVisible();
    await expect(card.getByTestId('creative-sites')).toHaveText('gallery.test');
  }
  // Two ads of one creative: two impressions on one card.
  await expect(gallery.locator(`.creative-card[data-fingerprint="${kettleFp}"]`).getByTestId('card-impressions')).toHaveText('2 impressions');
  await expect(gallery.locator(`.creative-card[data-fingerprint="${kettleFp}"]`).getByTestId('landing-url')).toHaveText('http://kettles.test/copper?c=g-kettle');
  // Filtered by the advertiser: only its card.
  await dashboard.goto(`chrome-extension://${extensionId}/dashboard.html?advertiser=novabank.test`);
  await expect(gallery.locator('.creative-card')).toHaveCount(1);
  await expect(gallery.locator('.creative-card').getByRole('heading')).toHaveText('Nova Bank: 4% on savings');

  // My ads: watching kettles.test shows its creative's card there, with its picture.
  await dashboard.goto(`chrome-extension://${extensionId}/dashboard.html`);
  await dashboard.getByLabel('Advertiser domain').fill('kettles.test');
  await dashboard.getByRole('button', { name: 'Watch', exact: true }).click();
  const mine = dashboard.getByTestId('my-ads-gallery');
  await expect(mine.locator('.creative-card')).toHaveCount(1);
  await expect(mine.locator(`.creative-card[data-fingerprint="${kettleFp}"]`).getByTestId('creative-picture')).toBeVisible();
  await dashboard.close();
});

test('with the switch off no picture is taken; pictures are exported by their own button only; deleting the site deletes its pictures', async ({ page, port, serviceWorker, context, extensionId }) => {
  const options = new OptionsPage(await context.newPage(), `chrome-extension://${extensionId}`);
  await options.open();
  const pictureSwitch = options.page.getByLabel('Keep a small picture of each ad');
  await expect(pictureSwitch).toBeChecked();
  await pictureSwitch.uncheck();

  await page.bringToFront();
  await page.goto(url(port, '/'));
  await expect.poll(async () => (await storedEvents(serviceWorker)).filter((e) => e.type === 'viewable').length, { timeout: 10_000 }).toBe(3);
  // Back on, another page: its picture is taken, and the kettle and bank sightings, which came first, left none.
  await options.page.bringToFront();
  await pictureSwitch.check();
  await page.bringToFront();
  await page.goto(url(port, '/lamp.html'));
  await expect.poll(async () => (await storedPictures(serviceWorker)).map((p) => p.headline), { timeout: 10_000 }).toEqual(['Desk lamps that last']);

  // Pictures are exported only by their own button: an NDJSON line per picture, its image a data: URL.
  await page.goto('about:blank');
  await options.page.bringToFront();
  await options.open();
  const download = options.page.waitForEvent('download');
  await options.page.getByRole('button', { name: 'Ad pictures (NDJSON)' }).click();
  const lines = readFileSync((await (await download).path())!, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
  expect(lines.map((l) => [l.headline, l.site, String(l.dataUrl).slice(0, 23)])).toEqual([['Desk lamps that last', 'gallery.test', 'data:image/webp;base64,']]);
  const events = readFileSync((await (await options.export('Events (NDJSON)')).path())!, 'utf8');
  expect(events).not.toContain('data:image');

  // Deleting gallery.test's data deletes the pictures taken there.
  await options.deleteSite('gallery.test');
  expect(await storedPictures(serviceWorker)).toEqual([]);
});
