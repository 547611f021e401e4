/**
 * Above or below the fold (docs/measurement.md, Placement): an ad is above the fold when its top, in
 * document coordinates, lies above the bottom of the page view's first viewport, the scroll position and
 * the window's height as the page view started. Pure; track/page-sources.ts reads the layout.
 */
import type { AdFold } from '../../common/types';

/** The bottom of the first viewport in document coordinates: taken once, when the page view starts. */
export function viewportBottom(view: { scrollY: number; innerHeight: number }): number {
  return view.scrollY + view.innerHeight;
}

/** An ad's fold from its document top and the first viewport's bottom (an ad starting exactly there is below). */
export function foldAt(documentTop: number, firstViewportBottom: number): AdFold {
  return documentTop < firstViewportBottom ? 'above' : 'below';
}
