/**
 * A creative became viewable in a tab: take its picture (docs/measurement.md, "Pictures") when pictures are
 * on, its site is tracked, the sender is the active tab (captureVisibleTab sees only that one) and the creative
 * has no picture yet. Captures go through one queue, within Chromium's limit of two a second.
 */
import browser from 'webextension-polyfill';
import type { Runtime } from 'webextension-polyfill';
import type { ContentMessages, PayloadOf, ResponseOf } from '../../common/messages';
import type { CreativeSighting } from '../../common/pictures';
import { isTracked } from '../../common/settings';
import { siteOf } from '../../common/site';
import { readSettings } from '../settings';
import { CaptureQueue } from '../pictures/capture-queue';
import { cropPlan } from '../pictures/crop';
import { addPicture, getPicturesDb, hasPicture } from '../pictures/db';
import { decodeCapture, encodePicture } from '../pictures/encode';

interface CaptureJob {
  sighting: CreativeSighting;
  site: string;
  tabId: number;
  windowId: number;
  /** The tab's address when the sighting came: a tab that went elsewhere since shows another page. */
  url: string | undefined;
}

const queue = new CaptureQueue<CaptureJob>(takePicture);

export async function handleCreativeSeen(sighting: PayloadOf<ContentMessages, 'creativeSeen'>, sender: Runtime.MessageSender): Promise<ResponseOf<ContentMessages, 'creativeSeen'>> {
  const tab = sender.tab;
  // The site from the browser's description of the sender, never from the payload.
  const site = siteOf(sender.url ?? tab?.url);
  if (tab?.id === undefined || tab.windowId === undefined || !tab.active || !site) return { queued: false };
  const settings = await readSettings();
  if (!settings.pictures || !isTracked(settings, site)) return { queued: false };
  if (await hasPicture(await getPicturesDb(), sighting.fingerprint)) return { queued: false };
  return { queued: queue.add(sighting.fingerprint, { sighting, site, tabId: tab.id, windowId: tab.windowId, url: tab.url }) };
}

async function takePicture({ sighting, site, tabId, windowId, url }: CaptureJob): Promise<void> {
  // Checked again at the turn: the setting may have been switched off, the tab left or hidden meanwhile.
  if (!(await readSettings()).pictures) return;
  const tab = await browser.tabs.get(tabId);
  if (!tab.active || tab.url !== url) return;
  const capture = await decodeCapture(await browser.tabs.captureVisibleTab(windowId, { format: 'png' }));
  try {
    const plan = cropPlan(sighting.rect, sighting.viewport, capture, sighting.devicePixelRatio);
    if (!plan) return;
    const blob = await encodePicture(capture, plan);
    const { fingerprint, headline, text, creativeUrl, landingUrl } = sighting;
    await addPicture(await getPicturesDb(), {
      fingerprint,
      site,
      takenAt: Date.now(),
      width: plan.width,
      height: plan.height,
      type: blob.type,
      bytes: blob.size,
      headline,
      text,
      creativeUrl,
      landingUrl,
      blob,
    });
  } finally {
    capture.close();
  }
}
