/**
 * Where a creative is in a capture of the visible tab, and how big its picture is: pure geometry, so its
 * rules run in unit tests. The capture's scale is its width over the viewport's CSS width, which covers
 * devicePixelRatio and browser zoom alike; the rectangle is clipped to the viewport (the part of the ad
 * off screen is not in the capture).
 */
import { MAX_PICTURE_WIDTH } from '../../common/pictures';
import type { ViewportRect } from '../../common/pictures';

export interface CropPlan {
  /** The part of the capture to copy, in its pixels. */
  source: { x: number; y: number; width: number; height: number };
  /** The picture's size in pixels: at most MAX_PICTURE_WIDTH CSS px wide at the page's device pixel ratio, never enlarged. */
  width: number;
  height: number;
}

export function cropPlan(rect: ViewportRect, viewport: { width: number; height: number }, capture: { width: number; height: number }, devicePixelRatio: number): CropPlan | null {
  const scale = capture.width / viewport.width;
  const left = Math.max(0, rect.x);
  const top = Math.max(0, rect.y);
  const right = Math.min(viewport.width, rect.x + rect.width);
  const bottom = Math.min(viewport.height, rect.y + rect.height);
  const x = Math.round(left * scale);
  const y = Math.round(top * scale);
  const width = Math.min(capture.width, Math.round(right * scale)) - x;
  const height = Math.min(capture.height, Math.round(bottom * scale)) - y;
  if (width < 1 || height < 1) return null;
  // Small for a card, sharp on the screen it was taken on: 300 CSS px at that screen's pixel ratio.
  const maxWidth = Math.round(MAX_PICTURE_WIDTH * Math.max(1, Math.min(devicePixelRatio, 2)));
  const shrink = Math.min(1, maxWidth / width);
  return { source: { x, y, width, height }, width: Math.max(1, Math.round(width * shrink)), height: Math.max(1, Math.round(height * shrink)) };
}
