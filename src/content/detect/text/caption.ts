/**
 * Whether an element shows a disclosure caption, and which: the matching half of the label readers, over
 * the text reader.ts reads. One function serves the generic label layer (every label of the dictionary) and
 * the platform adapters (the labels their platform prints).
 */
import { disclosureOf, disclosureOfByLine, DISCLOSURES } from './dictionary';
import type { Disclosure } from './dictionary';
import { collapse, compact, LETTER, normaliseLabelText, segments } from './normalise';
import { LabelReader } from './reader';
import type { LabelReadOptions, ReadText } from './reader';
import { inLinkList } from './running-text';

/** Labels shorter than this are matched exactly only: "ad" is a subsequence of far too many words. */
const MIN_SUBSEQUENCE_LABEL = 5;
/** Text longer than this (normalised) is prose or a whole post, never a caption. */
export const MAX_CAPTION_CHARS = 120;

export interface CaptionMatch {
  /** The element carrying the caption: el itself or a descendant. */
  element: Element;
  disclosure: Disclosure;
  /** True when the caption is the element's ARIA name rather than drawn text. */
  fromAria: boolean;
}

export interface CaptionOptions extends LabelReadOptions {
  /** Look no higher than el when deciding whether a label word is prose (an adapter's unit); default true. */
  stopAtRoot?: boolean;
}

/**
 * The caption el (or an element inside it) shows, among `labels` (default: the whole dictionary), or null.
 * A caption is the whole text of an element, or one separator-delimited part of it ("Sponsored · 🌐",
 * "Acme | Ad"), or a by-line ("Promoted by Acme"), equal to a label once normalised; or, for a caption
 * assembled from several pieces (split letters) and no longer than about twice the label, the label's
 * letters in order among the rendered ones, so a decoy letter left by a trick this reader does not know still
 * matches; or a rendered element's ARIA name. Labels set in running text ("this is not <b>sponsored</b> at
 * all") and tag-list links are prose and do not count.
 */
export function findCaption(
  el: Element,
  isRendered: (el: Element) => boolean,
  labels: readonly string[] | null = null,
  options: CaptionOptions = {},
): CaptionMatch | null {
  const wanted = labels === null ? null : new Set(labels.map((l) => compact(normaliseLabelText(l))).filter((l) => l.length > 0));
  if (wanted?.size === 0) return null;
  const accept = (d: Disclosure | null) => (d && (!wanted || wanted.has(compact(d.label))) ? d : null);
  const reader = new LabelReader(el, isRendered, options);
  reader.read(el);
  for (const [candidate, text] of reader.texts) {
    if (!LETTER.test(text.visible) || collapse(text.visible).length > MAX_CAPTION_CHARS) continue;
    const disclosure = captionDisclosure(text, accept);
    if (!disclosure) continue;
    if (reader.inRunningText(candidate, options.stopAtRoot ?? true) || inLinkList(candidate)) continue;
    return { element: candidate, disclosure, fromAria: false };
  }
  for (const [candidate, name] of reader.ariaNames) {
    for (const part of segments(name)) {
      const disclosure = accept(disclosureOf(part));
      if (disclosure) return { element: candidate, disclosure, fromAria: true };
    }
  }
  return null;
}

/** findCaption for a platform's own labels: whether el shows one. */
export function hasDisclosureLabel(
  el: Element,
  labels: readonly string[],
  isRendered: (el: Element) => boolean,
  options: LabelReadOptions = {},
): boolean {
  return findCaption(el, isRendered, labels, options) !== null;
}

/** The element carrying the label hasDisclosureLabel finds (el itself or a descendant), or null. */
export function findDisclosureLabel(
  el: Element,
  labels: readonly string[],
  isRendered: (el: Element) => boolean,
  options: LabelReadOptions = {},
): Element | null {
  return findCaption(el, isRendered, labels, options)?.element ?? null;
}

/** Split-letter tricks hide one word: several-word labels ("paid partner") are matched whole only. */
export const SUBSEQUENCE_LABELS = DISCLOSURES.filter((d) => !d.label.includes(' ') && compact(d.label).length >= MIN_SUBSEQUENCE_LABEL);

function captionDisclosure(text: ReadText, accept: (d: Disclosure | null) => Disclosure | null): Disclosure | null {
  const parts = segments(text.visible);
  for (const part of parts) {
    const disclosure = accept(disclosureOf(part)) ?? accept(disclosureOfByLine(part));
    if (disclosure) return disclosure;
  }
  // A caption built from several rendered pieces on one line is how split-letter tricks look; a single text
  // node is not, and neither is a box of several lines (a post header "Acme" over "Sponsored").
  if (text.pieces < 2 || text.blocks) return null;
  for (const part of parts) {
    const letters = compact(part);
    for (const d of SUBSEQUENCE_LABELS) {
      const label = compact(d.label);
      if (letters.length <= label.length * 2 + 2 && isSubsequence(label, letters) && accept(d)) return d;
    }
  }
  return null;
}

/** Whether every character of `needle` occurs in `hay` in order (not necessarily adjacent). */
export function isSubsequence(needle: string, hay: string): boolean {
  let i = 0;
  for (const ch of hay) {
    if (ch === needle[i]) i++;
    if (i === needle.length) return true;
  }
  return needle.length === 0;
}
