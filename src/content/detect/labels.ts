/**
 * The generic label layer: on any site, an element that shows a disclosure caption ("Sponsored",
 * "Ad · example.com", "Promoted by Acme", "Acme | Sponsored", in the dictionary's languages, through every
 * hiding trick the reader knows) marks one ad, and `containerOfLabel` finds which. A platform adapter is
 * the precise layer for its platform; this layer must be right without one.
 */
import type { AdKind } from '../../common/types';
import { findCaption, MAX_CAPTION_CHARS, SUBSEQUENCE_LABELS as SPLIT_LABELS } from './text/caption';
import { disclosureOfByLine, DISCLOSURES, LABEL_WORDS, LIST_HEADINGS, startsByLine, wholeDisclosure } from './text/dictionary';
import { compact, LETTER, normaliseLabelText, segments } from './text/normalise';
import { LabelReader } from './text/reader';
import { isSubsequence } from './text/caption';
import { CREATIVE, inDocumentOrder } from './dom';

export interface LabelMatch {
  /** The element that carries the label (its text or its aria-label). */
  labelElement: Element;
  /** True when the label is the element's text, false when it is its aria-label. */
  fromText: boolean;
  label: string;
  kind: AdKind;
}

const NOT_TEXT = 'script,style,noscript,template,title,textarea,select,option';
/** A text node longer than this cannot be (part of) a caption line. */
const MAX_TEXT_NODE = 200;
/** A split-letter caption is a handful of letters per piece. */
const MAX_FRAGMENT = 2;
const LONG_LABELS = DISCLOSURES.map((d) => compact(d.label)).filter((l) => l.length >= 5);
const SHORT_LABELS = new Set(DISCLOSURES.map((d) => compact(d.label)).filter((l) => l.length < 5));
/** Any long label inside a compacted text: the cheap test every text node of a page goes through. */
const HOLDS_LONG_LABEL = new RegExp(LONG_LABELS.sort((a, b) => b.length - a.length).join('|'), 'u');
const SUBSEQUENCE_LABELS = SPLIT_LABELS.map((d) => compact(d.label));

/**
 * Elements at or under root that show a disclosure caption to a person. Work is bounded by what can be a
 * caption: text nodes longer than a caption line and words that are no label cost one regular-expression
 * test each; only the few candidates are read with styles (reader.ts).
 */
export function findLabels(root: Element | Document, isRendered: (el: Element) => boolean = () => true): LabelMatch[] {
  const scopes = new Set<Element>();
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const value = node.nodeValue ?? '';
    if (value.length > MAX_TEXT_NODE) continue;
    const parent = node.parentElement;
    if (!parent) continue;
    const kind = textKind(value);
    if (kind === 'label') {
      scopes.add(parent);
    } else if (kind === 'fragment') {
      // One letter of a split caption ("S", "p", …): the caption is its parent or grandparent line.
      const line = splitCaptionLine(parent);
      if (line) scopes.add(line);
    }
  }
  // Letters drawn from attributes and words drawn by SVG <use>: the caption line is around them.
  const base = root instanceof Element ? root : doc.documentElement;
  for (const el of withSelf(base, '[data-content]')) if (el.parentElement) scopes.add(el.parentElement);
  for (const use of withSelf(base, 'use')) {
    const line = use.closest('svg')?.parentElement;
    if (line) scopes.add(line);
  }

  const found = new Map<Element, LabelMatch>();
  for (const scope of scopes) {
    if (scope.closest(NOT_TEXT)) continue;
    // A by-line split over elements ("<b>Gesponsert von</b> <a>Hålm</a>") is read on its whole line.
    const line = captionLine(scope);
    const match =
      findCaption(scope, isRendered, null, { stopAtRoot: false }) ??
      (line !== scope ? findCaption(line, isRendered, null, { stopAtRoot: false }) : null);
    if (!match || match.fromAria || !isRendered(match.element)) continue;
    found.set(match.element, { labelElement: match.element, fromText: true, label: match.disclosure.label, kind: match.disclosure.kind });
  }
  for (const el of withSelf(base, '[aria-label]')) {
    if (found.has(el)) continue;
    // Only an exact label: "Sponsored" is a caption, "Close sponsored message" is a button's name. The name
    // is read before the box: a feed's every post has four named buttons ("Reply", "Like"), and reading
    // their styles and boxes was a tenth of the feed's detection time.
    const disclosure = wholeDisclosure(el.getAttribute('aria-label') ?? '');
    // A ghost with a fake label (zero size, hidden) has no ARIA name a person meets (reader.ts).
    if (!disclosure || !isRendered(el) || !new LabelReader(el, isRendered).hasVisibleBox(el)) continue;
    found.set(el, { labelElement: el, fromText: false, label: disclosure.label, kind: disclosure.kind });
  }
  // Two reads of one caption (a word scope and its split-letter line) keep the innermost element.
  const matches = [...found.values()];
  return matches
    .filter((m) => !matches.some((o) => o !== m && m.labelElement.contains(o.labelElement)))
    .sort((a, b) => inDocumentOrder(a.labelElement, b.labelElement));
}

type TextKind = 'label' | 'fragment' | 'none';

/**
 * What a text node's value can be: (part of) a caption line, one piece of a split caption, or nothing a label
 * is made of. A pure function of the value, remembered: a page repeats its short texts ("By", "Reply", "6h ago",
 * a feed's every post's buttons), and normalising each anew was a fifth of the label layer's time on the page
 * bench's news page. Forgotten past MAX_KNOWN_TEXTS values, so a page of unique texts cannot grow it.
 */
function textKind(value: string): TextKind {
  let kind = knownTexts.get(value);
  if (kind !== undefined) return kind;
  if (!LETTER.test(value)) {
    kind = 'none';
  } else {
    const letters = compact(normaliseLabelText(value));
    if (SHORT_LABELS.has(letters)) kind = 'label';
    else if (letters.length <= MAX_FRAGMENT) kind = 'fragment';
    else kind = mayHoldLabel(value, letters) ? 'label' : 'none';
  }
  if (knownTexts.size >= MAX_KNOWN_TEXTS) knownTexts.clear();
  knownTexts.set(value, kind);
  return kind;
}

const MAX_KNOWN_TEXTS = 10_000;
const knownTexts = new Map<string, TextKind>();

function mayHoldLabel(value: string, letters: string): boolean {
  if (letters.length > MAX_CAPTION_CHARS) return false;
  if (HOLDS_LONG_LABEL.test(letters)) return true;
  // Short labels ("Ad", "広告") only as a whole part of a short line: "Ad · example.com", "Ad by Shop".
  if (value.length > 60) return false;
  return segments(value).some((part) => SHORT_LABELS.has(compact(part)) || disclosureOfByLine(part) !== null || startsByLine(part));
}

/**
 * The caption line around an element holding a label word: its ancestors while they stay a caption's length,
 * so a by-line split over elements ("<b>Gesponsert von</b> <a>Hålm</a>") is read whole.
 */
function captionLine(el: Element): Element {
  let line = el;
  for (let depth = 0; depth < 2; depth++) {
    const up = line.parentElement;
    if (!up || textLongerThan(up, MAX_CAPTION_CHARS) || up.closest(NOT_TEXT)) break;
    line = up;
  }
  return line;
}

/**
 * Whether el's text is longer than max characters, reading no more of it than that: a caption whose parent
 * is a feed of 10,000 posts must not read the whole feed's text, once per caption (quadratic; bench/hostile).
 */
function textLongerThan(el: Element, max: number): boolean {
  const walker = el.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  let length = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    length += node.nodeValue?.length ?? 0;
    if (length > max) return true;
  }
  return false;
}

/** The line a single-letter piece belongs to, when that line's letters spell a label in order. */
function splitCaptionLine(parent: Element): Element | null {
  for (let line: Element | null = parent, depth = 0; line && depth < 2; line = line.parentElement, depth++) {
    if (line.childElementCount < 3) continue;
    const letters = compact(normaliseLabelText(line.textContent ?? ''));
    if (letters.length < 5 || letters.length > 60) continue;
    if (SUBSEQUENCE_LABELS.some((label) => letters.length <= label.length * 2 + 4 && isSubsequence(label, letters))) return line;
  }
  return null;
}

function withSelf(root: Element, selector: string): Element[] {
  const found = [...root.querySelectorAll(selector)];
  if (root.matches(selector)) found.unshift(root);
  return found;
}

// ---------------------------------------------------------------------------------------------------------
// Which ad a caption marks.

/**
 * How far above the caption's first box the ad may be: a caption in a post's author line, the post higher up.
 * Facebook's 2016-2017 stories put their "Sponsored" link nine boxes below the post's content (an avatar row,
 * a names column, a spacer, the text lines: propublica, Who-Targets-Me and fbtrex fixtures); six lost them.
 */
const MAX_CLIMB = 10;
/** Words beyond this outside the caption's box, with no picture among them, are an article, not an ad. */
const MAX_PROSE = 400;
const MIN_PARAGRAPH = 100;
/** More words than a pager or a "View all" link between a heading and its list: a post's message. */
const MAX_BETWEEN = 40;
const MEDIA = 'img,iframe,video,canvas,picture,object,embed,svg';
/** A picture this size or smaller both ways is an avatar or a logo in a caption line, not an ad's content. */
const MIN_PICTURE = 48;
/** A heading over a list of ads is a caption line, not a paragraph. */
const MAX_HEADING = 80;

/**
 * The ads a caption marks: usually one, the box it captions; several when it heads a list of units ("Sponsored
 * results" over three businesses, "Sponsored" over a right column of ads); none when it heads units that
 * carry captions of their own (each is found by its own) or when no box around it holds an ad's content.
 *
 * From the caption, climb to the first ancestor holding more than the caption's branch; keep climbing while
 * what is held is only a caption line (the label with a name, a domain, "Create Ad", an info icon: nothing a
 * person would call the ad's content), and stop at the first box holding content: a picture, a frame or
 * video, or a link of a few words. Never climb into a box holding another caption, into a list of which the
 * box is one item (the item is the ad), or into prose (an article around an empty "Advertisement" slot).
 */
export function containerOfLabel(match: LabelMatch, otherLabels: readonly Element[] = []): Element[] {
  const el = match.labelElement;
  if (!match.fromText && holdsAdContent(el)) return [el];
  const others = otherLabels.filter((o) => o !== el && !o.contains(el) && !el.contains(o));
  const holdsOther = (box: Element) => others.some((o) => box.contains(o));

  let branch: Element = el;
  let box: Element | null = null;
  for (let parent = el.parentElement; parent && !isPageRoot(parent); branch = parent, parent = parent.parentElement) {
    if (parent.childElementCount > 1 || hasOwnText(parent, branch)) {
      box = parent;
      break;
    }
  }
  if (!box) return [];
  // A heading over captioned units: each unit is found by its own caption.
  if (holdsOther(box)) return [];
  const listHeading = LIST_HEADINGS.has(match.label);
  const headed = unitsUnderHeading(box, branch, listHeading);
  if (headed.length > 0) return headed;

  // Failing content, the first box still is the ad when it shows more than the caption: a link or a picture
  // of its own ("Sponsored · <a>Brand</a>" alone in a card).
  const first = box;
  const fallback = () => (holdsCreativeBeside(first, el) ? [first] : []);
  for (let depth = 0; depth < MAX_CLIMB; depth++) {
    if (holdsAdContent(box)) return [box];
    const up: Element | null = box.parentElement;
    if (!up || isPageRoot(up) || proseAround(up, box)) return fallback();
    const units = unitsUnderHeading(up, box, listHeading);
    if (units.length > 0) return units;
    if (holdsOther(up) || isListHolding(up, box)) return fallback();
    box = up;
  }
  return fallback();
}

/**
 * Whether box holds a link with words or a picture that is not an icon, outside the caption element (the
 * caption's own link is no creative, an info button's icon none either).
 */
function holdsCreativeBeside(box: Element, caption: Element): boolean {
  for (const el of withSelf(box, CREATIVE)) {
    if (caption.contains(el) || el.contains(caption)) continue;
    if (el.matches('a[href]') ? LETTER.test(el.textContent ?? '') || holdsAdContent(el) : !isIcon(el)) return true;
  }
  return false;
}

function isPageRoot(el: Element): boolean {
  return el === el.ownerDocument.body || el === el.ownerDocument.documentElement;
}

/** Whether a parent holds words of its own beside `except` (punctuation such as "·" does not count). */
function hasOwnText(parent: Element, except: Element): boolean {
  for (const child of parent.childNodes) {
    if (child !== except && child.nodeType === Node.TEXT_NODE && LETTER.test(child.nodeValue ?? '')) return true;
  }
  return false;
}

/**
 * What a person would call an ad's content: a picture, frame, video or canvas that is not a tiny icon, or a
 * link of three words or more (a text ad's title, a card's headline). A caption line's own links, the label
 * itself, a domain, "Create Ad", are not.
 */
export function holdsAdContent(el: Element): boolean {
  for (const media of withSelf(el, MEDIA)) if (!isIcon(media)) return true;
  for (const link of withSelf(el, 'a[href]')) {
    const words = normaliseLabelText(link.textContent ?? '').split(' ').filter((w) => LETTER.test(w));
    // A link about ads ("Why these ads?", "About our ads", "Report ad") is the disclosure's, not content.
    if (words.length >= 3 && !words.some((w) => LABEL_WORDS.has(compact(w)))) return true;
  }
  return false;
}

/**
 * An svg, or a picture sized as one, of icon size: the info "i" or AdChoices mark beside a caption, or the
 * author's avatar or logo in a post's header line (40 px on Facebook's 2017 stories, 32-48 px on feeds
 * generally), which belongs to the caption line, not to what the ad shows.
 */
function isIcon(media: Element): boolean {
  if (media.closest('svg') !== media && media.closest('svg')) return true; // parts of an svg
  const box = media.getBoundingClientRect();
  const width = box.width || parseFloat(media.getAttribute('width') ?? '') || 0;
  const height = box.height || parseFloat(media.getAttribute('height') ?? '') || 0;
  if (media.localName === 'svg') return width < MIN_PICTURE || height < MIN_PICTURE;
  // A known size under 24 px is an icon, one under MIN_PICTURE both ways an avatar; an image of unknown size
  // (not yet loaded, no layout) is content.
  return (width > 0 && width < 24) || (height > 0 && height < 24) || (width > 0 && height > 0 && width <= MIN_PICTURE && height <= MIN_PICTURE);
}

/** Whether `up` is a list and `box` one of its items: several alike siblings, or a list element's item. */
function isListHolding(up: Element, box: Element): boolean {
  if (/^(UL|OL)$/.test(up.tagName) || /^(list|feed|grid)$/.test(up.getAttribute('role') ?? '')) return up.childElementCount > 1;
  // Classless paragraphs and spans are a text's lines, not a list's items.
  if (box.classList.length === 0 && !/^(LI|ARTICLE|SECTION)$/.test(box.tagName)) return false;
  let alike = 0;
  for (const sibling of up.children) if (sibling !== box && sameKind(sibling, box)) alike++;
  return alike >= 2;
}

/**
 * The units a caption heads: when the caption's branch comes first in `box` and is followed by two or more
 * alike units holding content (directly, or as the items of one list, however deep its wrappers), each unit
 * is an ad. In a sectioned list (a heading item, then results, then the next heading: Yelp's "Sponsored
 * Results") the units are the items up to the next heading, or to the list's end under a label that names a
 * list.
 */
function unitsUnderHeading(box: Element, heading: Element, listHeading: boolean): Element[] {
  if (headingText(heading).length > MAX_HEADING || holdsAdContent(heading)) return [];
  // A caption after content is that content's (a badge under its ad), unless its label names a list: Yelp's
  // second "Sponsored Results" heading item follows the last organic result of the same list.
  if (!listHeading && heading.previousElementSibling && holdsAdContent(heading.previousElementSibling)) return [];
  const after: Element[] = [];
  let ended = false;
  for (let next = heading.nextElementSibling; next; next = next.nextElementSibling) {
    if (alike(next, heading) && isHeadingItem(next)) {
      ended = true;
      break;
    }
    after.push(next);
  }
  // Words of their own between a heading and its media (a post's message under its header) make a post,
  // not a heading over a list.
  if (after.some((el) => !holdsAdContent(el) && shownText(el).length > MAX_BETWEEN)) return [];
  let items = after.filter((el) => holdsAdContent(el));
  if (items.length === 1) {
    // Down through wrappers (a carousel's viewport between its arrows) to the list of units.
    let holder = items[0]!;
    for (let inner = onlyPartWithContent(holder); inner; inner = onlyPartWithContent(holder)) holder = inner;
    items = [...holder.children];
  }
  // Each unit of a list of ads leads somewhere (a link of its own); the pictures of one post's carousel do not.
  const units = items.filter((item) => holdsAdContent(item) && (item.matches('a[href]') || item.querySelector('a[href]') !== null));
  if (units.length < 2 && !(ended && units.length === 1)) return [];
  // Units of a list lead to places of their own: a picture and a headline linking to one page are one ad.
  if (units.length >= 2 && destinations(units).size <= 1) return [];
  // Items alike the heading are ads only in a section that ends, or under a label that names a list
  // ("Sponsored results"): else the "heading" is one card of a list.
  if (!ended && !listHeading && units.some((u) => alike(u, heading))) return [];
  const first = units[0]!;
  return units.every((u) => alike(u, first)) ? units : [];
}

/** Every address the units' links lead to (a "#" of a button-like link is no place). */
function destinations(units: readonly Element[]): Set<string> {
  const found = new Set<string>();
  for (const unit of units) {
    for (const link of withSelf(unit, 'a[href]')) {
      const href = link.getAttribute('href') ?? '';
      if (href !== '' && !href.startsWith('#')) found.add(href);
    }
  }
  return found;
}

/** The one child of el holding content, when exactly one does. */
function onlyPartWithContent(el: Element): Element | null {
  let found: Element | null = null;
  for (const child of el.children) {
    if (!holdsAdContent(child)) continue;
    if (found) return null;
    found = child;
  }
  return found;
}

/** An item of a sectioned list that is only a heading: short text, no ad content. */
function isHeadingItem(el: Element): boolean {
  const text = headingText(el);
  return !holdsAdContent(el) && LETTER.test(text) && text.length <= MAX_HEADING;
}

/** A heading's words: an "about these ads" tooltip or hidden help text beside it is no part of its length. */
function headingText(el: Element): string {
  return normaliseLabelText(textWithout(el, '[role="tooltip"], [hidden], [aria-hidden="true"]'));
}

/** el's text without the text of the elements under it that match `selector`. */
function textWithout(el: Element, selector: string): string {
  let text = el.textContent ?? '';
  for (const left of el.querySelectorAll(selector)) text = text.replace(left.textContent ?? '', ' ');
  return text;
}

/** Strictly the same kind of element: the same tag and the same classes (the items of one list). */
function sameKind(a: Element, b: Element): boolean {
  return a.tagName === b.tagName && a.className === b.className;
}

/** Loosely alike: the same tag, and classes shared or absent on one side ("li" and "li.last-child"). */
function alike(a: Element, b: Element): boolean {
  if (a.tagName !== b.tagName) return false;
  if (a.classList.length === 0 || b.classList.length === 0) return true;
  for (const c of a.classList) if (b.classList.contains(c)) return true;
  return false;
}

/**
 * Whether `up` is an article around the caption's box: paragraphs of prose outside the box (two or more, of
 * a sentence's length at least), much text in all, and no picture outside the box. A text ad's one
 * description line is not an article.
 */
function proseAround(up: Element, box: Element): boolean {
  const extra = shownText(up).length - shownText(box).length;
  if (extra <= MAX_PROSE) return false;
  let paragraphs = 0;
  for (const p of up.querySelectorAll('p')) if (!box.contains(p) && shownText(p).length >= MIN_PARAGRAPH) paragraphs++;
  if (paragraphs < 2) return false;
  for (const media of up.querySelectorAll(MEDIA)) if (!box.contains(media) && !isIcon(media)) return false;
  return true;
}

/**
 * An element's words with whitespace collapsed (indentation in the markup is not text a person sees), without
 * the text of scripts, styles and templates: a carousel's inline impression script after its list is no words
 * between a heading and its units.
 */
function shownText(el: Element): string {
  return el.matches(NOT_TEXT) ? '' : normaliseLabelText(textWithout(el, NOT_TEXT));
}
