/**
 * An ad's size as an IAB standard ad unit where it is one, else "other" (docs/measurement.md, Placement).
 * Derived in the background from an event's width and height, so no stored field is needed. Pure.
 */

/**
 * The IAB standard sizes (IAB New Standard Ad Unit Portfolio, 2017, with the fixed sizes still sold:
 * 234×60, 125×125, 180×150, 240×400, 120×600 …), width × height in CSS pixels.
 */
export const IAB_SIZES: readonly (readonly [number, number])[] = [
  [300, 250],
  [728, 90],
  [160, 600],
  [300, 600],
  [320, 50],
  [970, 250],
  [970, 90],
  [468, 60],
  [336, 280],
  [320, 100],
  [300, 50],
  [120, 600],
  [250, 250],
  [200, 200],
  [300, 1050],
  [234, 60],
  [125, 125],
  [180, 150],
  [240, 400],
  [970, 66],
  [300, 31],
  [88, 31],
  [320, 480],
  [480, 320],
  [120, 240],
  [120, 90],
  [120, 60],
  [300, 100],
  [720, 300],
  [768, 1024],
  [1024, 768],
];

/**
 * How far each side may be from a standard size and still be it, in CSS pixels: an element one pixel
 * rounded either way, or with a 1 px border on each side. No more: 300×50 and 320×50 differ by 20, and
 * 970×66 and 970×90 by 24, so a wider tolerance would still be unambiguous, but a slot 10 px taller than a
 * standard unit holds something else besides it (a caption), and is not that unit.
 */
export const SIZE_TOLERANCE_PX = 2;

/** The size class of an ad that is no standard size (or has no box). */
export const OTHER_SIZE = 'other';

/** `300x250` for a standard size (the closest one within the tolerance), else OTHER_SIZE. */
export function sizeClassOf(width: number, height: number): string {
  // An event without a size (never sent by AdTally) is no standard size.
  if (!Number.isFinite(width) || !Number.isFinite(height)) return OTHER_SIZE;
  let best: readonly [number, number] | null = null;
  let bestDistance = Infinity;
  for (const size of IAB_SIZES) {
    const dw = Math.abs(width - size[0]);
    const dh = Math.abs(height - size[1]);
    if (dw > SIZE_TOLERANCE_PX || dh > SIZE_TOLERANCE_PX || dw + dh >= bestDistance) continue;
    best = size;
    bestDistance = dw + dh;
  }
  return best ? `${best[0]}x${best[1]}` : OTHER_SIZE;
}

/** A size class as people read it: 300×250, or "other size". */
export function sizeLabel(sizeClass: string): string {
  return sizeClass === OTHER_SIZE ? 'other size' : sizeClass.replace('x', '×');
}
