/**
 * Content script for child frames (ad creatives among them), kept apart from the top frame's so that each
 * of a page's dozens of ad iframes loads a few kilobytes instead of the whole detector: the top frame owns
 * every ad, and a child frame only reports trusted clicks, which the background passes to the top frame.
 */
import { reportFrameClicks } from './track/frame-clicks';

if (window.top !== window) {
  const lifetime = new AbortController();
  reportFrameClicks(lifetime.signal, () => lifetime.abort());
}
