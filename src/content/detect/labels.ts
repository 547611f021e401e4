import { DISCLOSURE_LABELS } from './signatures';
import type { AdKind } from '../../common/types';

export interface LabelMatch {
  /** The element that carries the label (its text or its aria-label). */
  labelElement: Element;
  /** True when the label is the element's text, false when it is its aria-label. */
  fromText: boolean;
  label: string;
  kind: AdKind;
}

const LABEL_KIND = new Map(DISCLOSURE_LABELS.map(([label, kind]) => [label, kind]));
// Zero-width characters are stripped: platforms insert them to break naive matching (detection.md).
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;

export function labelKind(text: string | null): [string, AdKind] | null {
  if (!text) return null;
  const normalised = text.replace(ZERO_WIDTH, '').trim().toLowerCase();
  if (normalised.length > 30) return null;
  const kind = LABEL_KIND.get(normalised);
  return kind ? [normalised, kind] : null;
}

/** Elements under root (and root itself) whose text or aria-label is exactly a disclosure label. */
export function findLabels(root: Element | Document): LabelMatch[] {
  const found: LabelMatch[] = [];
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const match = labelKind(node.nodeValue);
    const parent = node.parentElement;
    if (!match || !parent || parent.closest('script,style,noscript,template,title')) continue;
    // The text must be the element's whole text, not one word of a sentence split across nodes.
    if (labelKind(parent.textContent)?.[0] !== match[0]) continue;
    if (inRunningText(parent) || inLinkList(parent)) continue;
    found.push({ labelElement: parent, fromText: true, label: match[0], kind: match[1] });
  }
  const labelled = root instanceof Element && root.hasAttribute('aria-label') ? [root] : [];
  for (const el of [...labelled, ...root.querySelectorAll('[aria-label]')]) {
    const match = labelKind(el.getAttribute('aria-label'));
    if (match) found.push({ labelElement: el, fromText: false, label: match[0], kind: match[1] });
  }
  return found;
}

// An aria-labelled element holding creative content is the ad itself; one without is a caption inside the ad.
const CREATIVE_CONTENT = 'a[href],img,iframe,ins,video,picture,canvas';

const holdsCreative = (el: Element) => el.matches(CREATIVE_CONTENT) || el.querySelector(CREATIVE_CONTENT) !== null;
// How far above its first real container a caption may look for the creative it labels (a caption in a
// post's author line, the creative two levels up).
const MAX_EXTRA_CLIMB = 4;

/**
 * The ad a label belongs to. A caption (visible text, or an aria-label on an element with no creative
 * content) sits inside the ad, so climb from it to the first ancestor that holds something besides the
 * label's own branch; if that holds no creative (the caption sits in a header line), keep climbing a few
 * levels to the first ancestor that does, but never into one that holds another label (a list of ads).
 */
export function containerOfLabel(match: LabelMatch, otherLabels: readonly Element[] = []): Element | null {
  const el = match.labelElement;
  if (!match.fromText && holdsCreative(el)) return el;
  let branch: Element = match.labelElement;
  let container: Element | null = null;
  for (let parent = branch.parentElement; parent; branch = parent, parent = parent.parentElement) {
    if (parent === parent.ownerDocument.body || parent === parent.ownerDocument.documentElement) return container;
    if (!container && (parent.childElementCount > 1 || hasOwnText(parent, branch))) container = parent;
    if (!container) continue;
    if (parent !== container && otherLabels.some((o) => o !== el && parent.contains(o))) return container;
    if (holdsCreative(parent)) return parent;
    if (parent !== container && climbedTooFar(container, parent)) return container;
  }
  return container;
}

function climbedTooFar(container: Element, ancestor: Element): boolean {
  let depth = 0;
  for (let el: Element | null = container; el && el !== ancestor; el = el.parentElement) depth++;
  return depth > MAX_EXTRA_CLIMB;
}

const LETTER = /\p{L}/u;

/** Whether a parent holds words of its own beside `except` (punctuation such as "·" does not count). */
function hasOwnText(parent: Element, except: Element): boolean {
  for (const child of parent.childNodes) {
    if (child !== except && child.nodeType === Node.TEXT_NODE && LETTER.test(child.nodeValue ?? '')) return true;
  }
  return false;
}

/**
 * A label word set in its own element inside a sentence ("This post is <b>sponsored</b> by nobody") is
 * prose, not a caption: climb past wrappers that hold only the label, then it is prose when it sits in a
 * paragraph or words follow it. Words before it are allowed: "Brand name <span>Sponsored</span>" is how
 * feeds caption a sponsored post.
 */
function inRunningText(labelElement: Element): boolean {
  let branch = labelElement;
  let parent = branch.parentElement;
  while (parent && parent.textContent?.trim() === branch.textContent?.trim()) {
    branch = parent;
    parent = parent.parentElement;
  }
  if (!parent) return false;
  if (parent.tagName === 'P' && hasOwnText(parent, branch)) return true;
  for (let next = branch.nextSibling; next; next = next.nextSibling) {
    if (next.nodeType === Node.TEXT_NODE && LETTER.test(next.nodeValue ?? '')) return true;
  }
  // A sentence that ends with the word ("… was labelled <b>Advertisement</b>.") has a long run of words before it.
  let before = '';
  for (let prev = branch.previousSibling; prev; prev = prev.previousSibling) {
    if (prev.nodeType === Node.TEXT_NODE) before = (prev.nodeValue ?? '') + before;
  }
  return before.replace(/\s+/g, ' ').trim().length > SENTENCE_LEAD;
}

// Longer than an account name before a "Sponsored" caption, shorter than most sentences.
const SENTENCE_LEAD = 40;

/**
 * A label word that is a link in a list of links is a topic tag or a menu entry ("Werbung" in a news site's
 * tag list, "Advertising" in a footer menu), not a caption.
 */
function inLinkList(labelElement: Element): boolean {
  const link = labelElement.closest('a[href]');
  // A sponsored item whose link holds the caption and a title is an ad; a link that is only the word is a tag.
  if (link?.textContent?.trim() !== labelElement.textContent?.trim()) return false;
  const list = link?.parentElement?.closest('ul, ol, menu, nav, [role="list"], [role="navigation"]');
  return !!list && list.querySelectorAll('a[href]').length > 1;
}
