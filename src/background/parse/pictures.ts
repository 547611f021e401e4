/**
 * The pictures' messages: a top frame's sighting of a creative, refused unless every field is what the
 * content script sends (the page is hostile: its text is cut, never trusted as markup), and the gallery's and
 * the options page's questions, whose malformed fields read as their defaults.
 */
import { cellFilterFrom } from '../../common/cells';
import { dayRange } from '../../common/day';
import type { ContentMessages, PayloadOf, UiMessages } from '../../common/messages';
import { GALLERY_PAGE, MAX_PICTURE_HEADLINE, MAX_PICTURE_TEXT, MAX_PICTURE_URL, plainText } from '../../common/pictures';
import type { ViewportRect } from '../../common/pictures';
import { watchlistFrom } from '../../common/watchlist';
import { accept, refuse, wholeNumberOf } from './parsed';
import type { Parsed, Unchecked } from './parsed';

/** A fingerprint as content/attribution/fingerprint.ts makes it. */
const FINGERPRINT = /^fp-[0-9a-f]{1,16}$/;
/** Larger than any screen; a box past it is not an ad a person saw whole. */
const MAX_CSS_PX = 100_000;
/** The gallery's longest page. */
export const MAX_GALLERY_PAGE = 200;

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const size = (v: unknown): v is number => finite(v) && v > 0 && v <= MAX_CSS_PX;
const coordinate = (v: unknown): v is number => finite(v) && Math.abs(v) <= MAX_CSS_PX;

function rectOf(value: unknown): ViewportRect | null {
  if (typeof value !== 'object' || value === null) return null;
  const { x, y, width, height } = value as Record<string, unknown>;
  return coordinate(x) && coordinate(y) && size(width) && size(height) ? { x, y, width, height } : null;
}

/** A page's text, cut to its limit; anything but a string reads as empty. */
const textOf = (value: unknown, max: number): string => (typeof value === 'string' ? plainText(value, max) : '');

/** An http(s) URL of at most MAX_PICTURE_URL characters, else null. */
function urlOf(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > MAX_PICTURE_URL) return null;
  return /^https?:\/\//i.test(value) ? value : null;
}

export function parseCreativeSeen(message: Unchecked): Parsed<PayloadOf<ContentMessages, 'creativeSeen'>> {
  const fingerprint = message.fingerprint;
  if (typeof fingerprint !== 'string' || !FINGERPRINT.test(fingerprint)) return refuse('not a fingerprint');
  const rect = rectOf(message.rect);
  if (!rect) return refuse('not a rectangle in the viewport');
  const viewport = message.viewport as Record<string, unknown> | null;
  if (typeof viewport !== 'object' || viewport === null || !size(viewport.width) || !size(viewport.height)) return refuse('not a viewport size');
  const dpr = message.devicePixelRatio;
  if (!finite(dpr) || dpr <= 0 || dpr > 16) return refuse('not a device pixel ratio');
  return accept({
    fingerprint,
    rect,
    viewport: { width: viewport.width, height: viewport.height },
    devicePixelRatio: dpr,
    headline: textOf(message.headline, MAX_PICTURE_HEADLINE),
    text: textOf(message.text, MAX_PICTURE_TEXT),
    creativeUrl: urlOf(message.creativeUrl),
    landingUrl: urlOf(message.landingUrl),
  });
}

export function parseGetGallery(message: Unchecked): Parsed<PayloadOf<UiMessages, 'getGallery'>> {
  return accept({
    days: dayRange(message.days),
    filter: cellFilterFrom(message.filter),
    offset: wholeNumberOf(message.offset, 0, 0, Number.MAX_SAFE_INTEGER),
    limit: wholeNumberOf(message.limit, 1, GALLERY_PAGE, MAX_GALLERY_PAGE),
    // Malformed watchlist entries are left out (watchlistFrom); no list at all is the whole gallery.
    watch: Array.isArray(message.watch) ? watchlistFrom(message.watch) : null,
  });
}

export function parseExportPictures(message: Unchecked): Parsed<PayloadOf<UiMessages, 'exportPictures'>> {
  return accept({ after: typeof message.after === 'string' ? message.after : null, limit: wholeNumberOf(message.limit, 1, 50, MAX_GALLERY_PAGE) });
}
