/**
 * Pictures of creatives (docs/measurement.md, "Pictures"): a small crop of the visible tab, taken once per
 * fingerprint when the creative first becomes viewable, kept in their own database, apart from the counts.
 * What the top frame says about the creative, what is stored, and what the gallery shows.
 */
import type { Creative } from './types';

/** A rectangle in the viewport's CSS pixels. */
export interface ViewportRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What the top frame reads of an ad at the moment it first becomes viewable in a page view (`creativeSeen`). */
export interface CreativeSighting {
  fingerprint: string;
  /** The ad's box in the viewport, CSS px. */
  rect: ViewportRect;
  /** The viewport's size in CSS px: the capture's scale is its width over this (zoom and devicePixelRatio alike). */
  viewport: { width: number; height: number };
  devicePixelRatio: number;
  /** Its visible heading, else its most prominent link's text. Plain text from the page: never rendered as HTML. */
  headline: string;
  /** Its visible text, whitespace collapsed, at most MAX_PICTURE_TEXT characters. Plain text, never HTML. */
  text: string;
  creativeUrl: string | null;
  landingUrl: string | null;
}

export const MAX_PICTURE_TEXT = 300;
/** A page's text as a picture keeps it: whitespace collapsed, cut to `max` characters (the content script and the background's parse alike). */
export const plainText = (text: string, max: number): string => text.replace(/\s+/g, ' ').trim().slice(0, max);
export const MAX_PICTURE_HEADLINE = 200;
export const MAX_PICTURE_URL = 4096;
/** Pictures are scaled down to at most this many pixels wide. */
export const MAX_PICTURE_WIDTH = 300;

/** A picture's description, without its image. */
export interface PictureInfo {
  fingerprint: string;
  /** The site whose page it was taken on (the sender tab's, never the page's word). */
  site: string;
  takenAt: number;
  /** The stored image's size in pixels. */
  width: number;
  height: number;
  /** `image/webp` where the browser encodes it, else `image/jpeg`. */
  type: string;
  bytes: number;
  headline: string;
  text: string;
  creativeUrl: string | null;
  landingUrl: string | null;
}

/** A picture as it travels to AdTally's pages and into the pictures export: its image as a data: URL. */
export interface PictureData extends PictureInfo {
  dataUrl: string;
}

/** One card of the gallery: the creative's counts (all time, like frequency), the sites of its events, its picture. */
export interface GalleryCard {
  creative: Creative;
  /** The sites its stored events were on (read from up to 500 of them), most events first (at most MAX_CARD_SITES). */
  sites: string[];
  picture: PictureData | null;
}

export const MAX_CARD_SITES = 20;
/** The gallery's page: cards per "Show more". */
export const GALLERY_PAGE = 24;
