/**
 * What a disclosure label says to a person, read the way they see it, not the way the markup spells it.
 * Feeds hide the word "Sponsored" from text matching (docs: ../shared/docs/detection.md, "Sponsored-label
 * tricks"): letters split across spans with decoy letters hidden by CSS, letters in `data-content` attributes
 * drawn by `::before { content: attr(data-content) }`, the word only in `aria-label` / `aria-labelledby`, the
 * word drawn by an SVG `<use href="#id">` pointing at a `<text>`, zero-width characters between letters.
 *
 * Pure DOM: no extension APIs. Style checks go through getComputedStyle, which happy-dom resolves for inline
 * styles and stylesheets, so unit tests exercise them; geometry checks (zero-size boxes, boxes off-screen or
 * outside a clipping ancestor) run only where the browser has layout.
 */

/** Zero-width and invisible formatting characters inserted between letters to break text matching. */
export const ZERO_WIDTH = /[\u00ad\u180e\u200b-\u200f\u2060-\u2064\ufeff]/g;

/** Elements whose text is never rendered as such. */
const NOT_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TITLE', 'HEAD', 'META', 'LINK', 'defs', 'symbol']);

/** Separators that split one caption line into parts: "Sponsored · Paid for by …", "Acme | Ad". */
const SEPARATORS = /[·•‧∙⋅|]/u;
const NON_LETTER = /[^\p{L}\p{N}]+/gu;
const LETTER = /[\p{L}\p{N}]/u;

/** Labels shorter than this are matched exactly only: "ad" is a subsequence of far too many words. */
const MIN_SUBSEQUENCE_LABEL = 5;
/** Text longer than this (normalised) is prose or a whole post, never a caption. */
const MAX_CAPTION_CHARS = 120;

export interface LabelReadOptions {
  /** Subtrees never read (a post's message body, its comments, a result's title): prose there is not a label. */
  exclude?: string;
}

/** Lower case, no zero-width characters, compatibility forms folded, whitespace collapsed. */
export function normaliseLabelText(text: string): string {
  return text.replace(ZERO_WIDTH, '').normalize('NFKC').replace(/\s+/g, ' ').trim().toLocaleLowerCase();
}

/**
 * The text a person sees in el: rendered leaf text only (hidden, transparent, zero-size and off-screen text
 * dropped), flex items in their visual order, `data-content` / `::before` letters, SVG `<use>` text, and for an
 * element with no visible words its `aria-labelledby` / `aria-label` name. Whitespace collapsed, zero-width
 * characters removed, case kept.
 */
export function renderedLabelText(el: Element, isRendered: (el: Element) => boolean, options: LabelReadOptions = {}): string {
  const reader = new LabelReader(el, isRendered, options);
  return collapse(reader.read(el).spoken);
}

/**
 * Whether el (or an element inside it) shows one of `labels` as a caption: the whole text of an element, or
 * one separator-delimited part of it ("Sponsored · 🌐"), equals the label once normalised; or, for a caption
 * assembled from several pieces (split letters) and no longer than about twice the label, the label's letters
 * appear in order among the rendered ones, so a decoy letter left by a trick this reader does not know still
 * matches; or a rendered element's ARIA name is the label. Labels set in running text ("this is not
 * <b>sponsored</b> at all") are prose and do not count.
 */
export function hasDisclosureLabel(
  el: Element,
  labels: readonly string[],
  isRendered: (el: Element) => boolean,
  options: LabelReadOptions = {},
): boolean {
  return findDisclosureLabel(el, labels, isRendered, options) !== null;
}

/** The element carrying the label hasDisclosureLabel finds (el itself or a descendant), or null. */
export function findDisclosureLabel(
  el: Element,
  labels: readonly string[],
  isRendered: (el: Element) => boolean,
  options: LabelReadOptions = {},
): Element | null {
  const wanted = labels.map((l) => compact(normaliseLabelText(l))).filter((l) => l.length > 0);
  if (wanted.length === 0) return null;
  const reader = new LabelReader(el, isRendered, options);
  reader.read(el);
  for (const [candidate, text] of reader.texts) {
    if (!LETTER.test(text.visible) || collapse(text.visible).length > MAX_CAPTION_CHARS) continue;
    if (!captionMatches(text, wanted)) continue;
    if (reader.inRunningText(candidate)) continue;
    return candidate;
  }
  for (const [candidate, name] of reader.ariaNames) {
    if (segments(name).some((part) => wanted.includes(compact(part)))) return candidate;
  }
  return null;
}

function captionMatches(text: ReadText, wanted: readonly string[]): boolean {
  const parts = segments(text.visible);
  if (parts.some((part) => wanted.includes(compact(part)))) return true;
  // A caption built from several rendered pieces on one line is how split-letter tricks look; a single text
  // node is not, and neither is a box of several lines (a post header "Acme" over "Sponsored").
  if (text.pieces < 2 || text.blocks) return false;
  return parts.some((part) => {
    const letters = compact(part);
    return wanted.some(
      (label) =>
        label.length >= MIN_SUBSEQUENCE_LABEL && letters.length <= label.length * 2 + 2 && isSubsequence(label, letters),
    );
  });
}

function segments(text: string): string[] {
  return normaliseLabelText(text)
    .split(SEPARATORS)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

function compact(text: string): string {
  return text.replace(NON_LETTER, '');
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

function collapse(text: string): string {
  return text.replace(ZERO_WIDTH, '').replace(/\s+/g, ' ').trim();
}

interface ReadText {
  /** What is drawn: rendered text, data-content / pseudo-element letters, SVG <use> text. */
  visible: string;
  /** visible, plus the ARIA names of descendants that draw no words (an icon link labelled "Sponsored"). */
  spoken: string;
  /** How many separate pieces (text nodes, attributes, SVG texts) the visible text is assembled from. */
  pieces: number;
  /** Whether it holds a block (a line of its own): then it is more than one caption. */
  blocks: boolean;
}

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const EMPTY: ReadText = { visible: '', spoken: '', pieces: 0, blocks: false };
const BLOCK_DISPLAY = /^(block|flex|grid|list-item|table|table-row|table-cell|table-caption|flow-root)$/;

/** One read of one subtree: style lookups and texts are computed once per element. */
class LabelReader {
  /** Every element read, with its text; children come before their parents. */
  readonly texts = new Map<Element, ReadText>();
  /** Rendered elements, with a box, whose ARIA name was read. */
  readonly ariaNames = new Map<Element, string>();
  private readonly doc: Document;
  private readonly view: (Window & typeof globalThis) | null;
  /** True where the browser lays the page out; happy-dom reports zero-size boxes for everything. */
  private readonly hasLayout: boolean;

  constructor(
    private readonly root: Element,
    private readonly isRendered: (el: Element) => boolean,
    private readonly options: LabelReadOptions,
  ) {
    this.doc = root.ownerDocument;
    this.view = this.doc.defaultView as (Window & typeof globalThis) | null;
    const page = this.doc.documentElement.getBoundingClientRect();
    this.hasLayout = page.width > 0 && page.height > 0;
  }

  read(el: Element, clip: Box | null = null): ReadText {
    const done = this.texts.get(el);
    if (done) return done;
    const text = this.readUncached(el, clip);
    this.texts.set(el, text);
    return text;
  }

  private readUncached(el: Element, clip: Box | null): ReadText {
    if (NOT_TEXT.has(el.tagName) || (this.options.exclude && el !== this.root && safeMatches(el, this.options.exclude))) {
      return EMPTY;
    }
    const style = this.style(el);
    if (!style || this.hidesSubtree(el, style)) return EMPTY;
    const box = this.hasLayout ? el.getBoundingClientRect() : null;
    if (box && this.outsideClip(box, clip)) return EMPTY;
    const innerClip = box && clips(style) ? intersect(clip, box) : clip;

    let shows: boolean | null = null;
    const textShows = () => (shows ??= this.textShows(el, style, box, clip));
    // Generated letters are looked up only on empty leaves, where the data-content trick puts them.
    const emptyLeaf = el.childElementCount === 0 && !LETTER.test(el.textContent ?? '');
    let visible = '';
    let spoken = '';
    let pieces = 0;
    let blocks = false;
    const add = (part: Omit<ReadText, 'blocks'> & { blocks?: boolean }, block: boolean) => {
      const pad = block ? ' ' : '';
      visible += pad + part.visible + pad;
      spoken += pad + part.spoken + pad;
      pieces += part.pieces;
      blocks ||= (block && LETTER.test(part.visible)) || !!part.blocks;
    };

    const before = emptyLeaf && textShows() ? this.pseudoText(el, '::before') : null;
    if (before) add({ visible: before, spoken: before, pieces: 1 }, false);
    const flexLike = /flex|grid/.test(style.display);
    for (const child of this.orderedChildren(el, flexLike)) {
      if (child.nodeType === Node.TEXT_NODE) {
        const value = (child.nodeValue ?? '').replace(ZERO_WIDTH, '');
        if (LETTER.test(value) ? textShows() : value.length > 0) add({ visible: value, spoken: value, pieces: LETTER.test(value) ? 1 : 0 }, false);
      } else if (child instanceof Element) {
        if (child.tagName === 'BR') {
          add(EMPTY, true);
          continue;
        }
        const part = this.read(child, innerClip);
        const childStyle = this.style(child);
        add(part, !flexLike && !!childStyle && BLOCK_DISPLAY.test(childStyle.display));
      }
    }
    const after = emptyLeaf && textShows() ? this.pseudoText(el, '::after') : null;
    if (after) add({ visible: after, spoken: after, pieces: 1 }, false);

    if (emptyLeaf && textShows()) {
      // A letter drawn from an attribute: `<span data-content="S"></span>` with `content: attr(data-content)`.
      const fromAttribute = before === null && after === null ? el.getAttribute('data-content') : null;
      if (fromAttribute) add({ visible: fromAttribute, spoken: fromAttribute, pieces: 1 }, false);
      // A word drawn by reference: `<svg><use href="#SvgT1"></use></svg>` with `<text id="SvgT1">Sponsored</text>`.
      const used = el.localName === 'use' ? this.useText(el) : '';
      if (used) add({ visible: used, spoken: used, pieces: 1 }, false);
    }

    const name = this.ariaName(el, style, box);
    if (name !== null) {
      this.ariaNames.set(el, name);
      if (!LETTER.test(spoken)) spoken = ` ${name} `;
    }
    return { visible, spoken, pieces, blocks };
  }

  /**
   * Whether a label element sits in a sentence: climbing past wrappers that hold only its text, words follow
   * it, or its paragraph has words of its own. Words before it are allowed ("Acme Shoes <span>Sponsored</span>").
   */
  inRunningText(el: Element): boolean {
    const own = normaliseLabelText(this.texts.get(el)?.visible ?? '');
    let branch = el;
    let parent = branch.parentElement;
    while (parent && branch !== this.root && normaliseLabelText(this.texts.get(parent)?.visible ?? '') === own) {
      branch = parent;
      parent = parent.parentElement;
    }
    if (!parent || branch === this.root) return false;
    // Words after it in the same run of text make it part of a sentence, unless a separator comes first
    // ("Sponsored · acme.com"). Words in an element of their own after it (a pager, a button) are another
    // caption, and a block after it starts a new line.
    let following = '';
    const ownLine = BLOCK_DISPLAY.test(this.style(branch)?.display ?? '');
    for (let next = ownLine ? null : branch.nextSibling; next && following.length < 80; next = next.nextSibling) {
      if (next.nodeType === Node.TEXT_NODE) following += next.nodeValue ?? '';
      else if (next instanceof Element && BLOCK_DISPLAY.test(this.style(next)?.display ?? '')) break;
    }
    const firstLetter = following.search(LETTER);
    if (firstLetter >= 0 && !SEPARATORS.test(following.slice(0, firstLetter))) return true;
    if (parent.tagName === 'P') {
      const rest = normaliseLabelText(this.texts.get(parent)?.visible ?? '');
      return compact(rest) !== compact(own);
    }
    return false;
  }

  private readonly styles = new Map<Element, CSSStyleDeclaration | null>();

  private style(el: Element): CSSStyleDeclaration | null {
    let style = this.styles.get(el);
    if (style === undefined) {
      try {
        style = (this.view ?? globalThis).getComputedStyle(el);
      } catch {
        style = null;
      }
      this.styles.set(el, style);
    }
    return style;
  }

  /** CSS that hides an element and everything in it, whatever its descendants say. */
  private hidesSubtree(el: Element, style: CSSStyleDeclaration): boolean {
    if (style.display === 'none') return true;
    if (el.hasAttribute('hidden') && style.display === '') return true;
    if (parseFloat(style.opacity) === 0) return true;
    if (zeroClip(style, el)) return true;
    // A box of zero (or one) pixel that clips its content: the "visually hidden" pattern and collapsed spans.
    if (clips(style) && (tiny(style.width) || tiny(style.height) || tiny(style.maxWidth) || tiny(style.maxHeight))) return true;
    // Without layout, guess "off-screen" from the offsets; with layout, the box says (outsideClip), and a
    // virtualised feed moving its cells thousands of pixels down with translateY is not hiding them.
    if (!this.hasLayout) {
      if (/^(absolute|fixed)$/.test(style.position) && offScreenOffsets(style)) return true;
      if (farTransform(style.transform)) return true;
    }
    return false;
  }

  /** Whether the element's own text nodes can be seen. */
  private textShows(el: Element, style: CSSStyleDeclaration, box: DOMRect | null, clip: Box | null): boolean {
    if (style.visibility === 'hidden' || style.visibility === 'collapse') return false;
    const fontSize = parseFloat(style.fontSize);
    if (!Number.isNaN(fontSize) && fontSize < 1) return false;
    if (transparent(style.color)) return false;
    if (parseFloat(style.textIndent) <= -999) return false;
    if (box && (box.width < 1 || box.height < 1) && style.display !== 'contents' && el.namespaceURI !== SVG_NS) return false;
    if (box && this.outsideClip(box, clip)) return false;
    return this.isRendered(el);
  }

  /** A box wholly outside its clipping ancestors or above / left of the page: moved out of sight. */
  private outsideClip(box: DOMRect, clip: Box | null): boolean {
    if (box.width === 0 && box.height === 0) return false; // inline wrappers and display:contents have no box of their own
    const x = this.view?.scrollX ?? 0;
    const y = this.view?.scrollY ?? 0;
    if (box.right + x <= 0 || box.bottom + y <= 0) return true;
    if (box.left + x >= this.doc.documentElement.scrollWidth) return true;
    if (!clip) return false;
    return box.right <= clip.left || box.left >= clip.right || box.bottom <= clip.top || box.top >= clip.bottom;
  }

  /** Children in visual order: flex and grid items sorted by their CSS `order` (a reordering trick). */
  private orderedChildren(el: Element, flexLike: boolean): ChildNode[] {
    const children = [...el.childNodes];
    if (!flexLike) return children;
    const order = (n: ChildNode) => (n instanceof Element ? parseInt(this.style(n)?.order ?? '0', 10) || 0 : 0);
    return children.map((n, i) => ({ n, i, o: order(n) })).sort((a, b) => a.o - b.o || a.i - b.i).map((x) => x.n);
  }

  /** Generated content of a pseudo-element, where the browser reports it ("" where it cannot: happy-dom). */
  private pseudoText(el: Element, pseudo: '::before' | '::after'): string | null {
    let content: string;
    try {
      const style = (this.view ?? globalThis).getComputedStyle(el, pseudo);
      if (style.display === 'none') return '';
      content = style.content;
    } catch {
      return null;
    }
    if (!content || content === 'none' || content === 'normal') return content ? '' : null;
    let out = '';
    for (const token of content.match(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|attr\(\s*[\w-]+\s*\)/g) ?? []) {
      if (token.startsWith('attr(')) out += el.getAttribute(token.slice(5, -1).trim()) ?? '';
      else out += token.slice(1, -1).replace(/\\(.)/g, '$1');
    }
    return out;
  }

  /** The text an SVG <use> draws: the referenced <text>, or the <text> elements inside a referenced group. */
  private useText(use: Element): string {
    const ref = use.getAttribute('href') ?? use.getAttributeNS(XLINK_NS, 'href') ?? use.getAttribute('xlink:href');
    if (!ref?.startsWith('#')) return '';
    const target = this.doc.getElementById(decodeURIComponent(ref.slice(1)));
    if (!target) return '';
    if (target.localName === 'text') return target.textContent ?? '';
    return [...target.querySelectorAll('text')].map((t) => t.textContent ?? '').join('');
  }

  /**
   * The ARIA name of a rendered element that has a box, or null. An element with no size is one of the ghost
   * elements a platform plants with a fake label (the Algorithmic Transparency Institute's collector checks
   * clientWidth for the same reason).
   */
  private ariaName(el: Element, style: CSSStyleDeclaration, box: DOMRect | null): string | null {
    const labelledBy = el.getAttribute('aria-labelledby');
    const label = el.getAttribute('aria-label');
    if (!labelledBy && !label) return null;
    if (style.visibility === 'hidden' || !this.isRendered(el)) return null;
    if (box ? box.width <= 2 || box.height <= 2 : tiny(style.width) || tiny(style.height)) return null;
    if (labelledBy) {
      const text = labelledBy
        .split(/\s+/)
        .map((id) => this.doc.getElementById(id)?.textContent ?? '')
        .join(' ');
      if (LETTER.test(text)) return collapse(text);
    }
    return label ? collapse(label) : null;
  }
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const XLINK_NS = 'http://www.w3.org/1999/xlink';

function safeMatches(el: Element, selector: string): boolean {
  try {
    return el.matches(selector);
  } catch {
    return false;
  }
}

function px(value: string): number {
  const n = parseFloat(value);
  return Number.isNaN(n) ? 0 : n;
}

function tiny(value: string): boolean {
  return /px$/.test(value) && px(value) <= 1;
}

/** left/top far negative, or right far beyond the edge: the classic "off-screen" hiding. */
function offScreenOffsets(style: CSSStyleDeclaration): boolean {
  return px(style.left) <= -500 || px(style.top) <= -500 || px(style.right) <= -2000;
}

function farTransform(transform: string): boolean {
  if (!transform || transform === 'none') return false;
  if (/scale[xy]?\(\s*0(\.0+)?\s*[,)]/.test(transform)) return true;
  // Browsers report a matrix; happy-dom reports the declared functions.
  const matrix = /matrix\(([^)]+)\)/.exec(transform);
  if (matrix) {
    const v = matrix[1]!.split(',').map((s) => parseFloat(s));
    return (v[0] === 0 && v[1] === 0) || (v[4] ?? 0) <= -2000 || (v[5] ?? 0) <= -2000;
  }
  for (const m of transform.matchAll(/translate(?:[xyz]|3d)?\(([^)]*)\)/gi)) {
    if (m[1]!.split(',').some((v) => px(v) <= -2000)) return true;
  }
  return false;
}

/** clip: rect(0 0 0 0) / rect(1px 1px 1px 1px), clip-path: inset(50%) and the like. */
function zeroClip(style: CSSStyleDeclaration, el: Element): boolean {
  const clip = style.clip || (el as HTMLElement).style?.clip || '';
  const rect = /rect\(([^)]*)\)/.exec(clip);
  if (rect && /^(absolute|fixed)$/.test(style.position)) {
    const [top = 0, right = 0, bottom = 0, left = 0] = rect[1]!.split(/[\s,]+/).map((s) => px(s));
    if (right - left <= 1 || bottom - top <= 1) return true;
  }
  const clipPath = style.clipPath || (el as HTMLElement).style?.clipPath || '';
  return /inset\(\s*(50|100)%|circle\(\s*0/.test(clipPath);
}

function clips(style: CSSStyleDeclaration): boolean {
  const values = [style.overflow, style.overflowX, style.overflowY];
  return values.some((v) => v === 'hidden' || v === 'clip' || v === 'scroll' || v === 'auto');
}

function transparent(color: string): boolean {
  if (color === 'transparent') return true;
  const rgba = /rgba\(\s*[\d.]+\s*,\s*[\d.]+\s*,\s*[\d.]+\s*,\s*([\d.]+)\s*\)/.exec(color);
  return rgba !== null && parseFloat(rgba[1]!) === 0;
}

function intersect(clip: Box | null, box: DOMRect): Box {
  if (!clip) return { left: box.left, top: box.top, right: box.right, bottom: box.bottom };
  return {
    left: Math.max(clip.left, box.left),
    top: Math.max(clip.top, box.top),
    right: Math.min(clip.right, box.right),
    bottom: Math.min(clip.bottom, box.bottom),
  };
}
