/**
 * Sample events for tests: an AdEvent as a content script sends it and a StoredEvent as the background
 * keeps it, with sensible defaults and a new id each call unless overridden. Imported by tests only.
 */
import type { AdEvent, StoredEvent } from '../common/types';

let counter = 0;

/** An impression on a news.test page on 2025-06-15, as the content script reports it. */
export function adEvent(overrides: Partial<AdEvent> = {}): AdEvent {
  counter++;
  return {
    id: `ev-${counter}`,
    type: 'impression',
    time: Date.UTC(2025, 5, 15, 12, 0, 0),
    pageViewId: 'pv-1',
    adId: 'ad1',
    rule: 'sig:gpt-div',
    kind: 'display',
    network: 'Google Ad Manager',
    width: 300,
    height: 250,
    inFrame: false,
    inferred: false,
    focused: true,
    dwellMs: 0,
    reached: null,
    fold: null,
    fingerprint: 'fp-00000000000001',
    landingUrl: null,
    pageUrl: 'https://news.test/world/story.html',
    ...overrides,
  };
}

/** The same impression as stored: filed under news.test on 2025-06-15. */
export function storedEvent(overrides: Partial<StoredEvent> = {}): StoredEvent {
  return { ...adEvent(), site: 'news.test', day: '2025-06-15', advertiser: null, ...overrides };
}
