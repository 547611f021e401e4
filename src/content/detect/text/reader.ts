/**
 * What a label says to a person, read the way they see it, not the way the markup spells it. Feeds hide the
 * word "Sponsored" from text matching (docs/detection.md, "As a person sees it"): letters split
 * across spans with decoy letters hidden by CSS, letters in `data-content` attributes drawn by
 * `::before { content: attr(data-content) }`, the word only in `aria-label` / `aria-labelledby`, the word drawn
 * by an SVG `<use href="#id">` pointing at a `<text>`, invisible characters between letters.
 *
 * Pure DOM: no extension APIs. It reads computed styles and laid-out boxes (zero-size boxes, boxes off-screen
 * or outside a clipping ancestor), so its tests run in a real browser (*.browser.test.ts): a document without
 * layout, such as happy-dom's, reports every box as empty and every text as hidden.
 */
import { clips, hidesSubtree, intersect, textStyleShows } from './hiding';
import type { Box } from './hiding';
import { safeMatches } from '../dom';
import { collapse, INVISIBLE, LETTER } from './normalise';
import { inRunningText } from './running-text';
import type { TextView } from './running-text';

/** Elements whose text is never rendered as such. */
const NOT_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TITLE', 'HEAD', 'META', 'LINK', 'defs', 'symbol']);
const BLOCK_DISPLAY = /^(block|flex|grid|list-item|table|table-row|table-cell|table-caption|flow-root)$/;
const SVG_NS = 'http://www.w3.org/2000/svg';
const XLINK_NS = 'http://www.w3.org/1999/xlink';

export interface LabelReadOptions {
  /** Subtrees never read (a post's message body, its comments, a result's title): prose there is not a label. */
  exclude?: string;
}

export interface ReadText {
  /** What is drawn: rendered text, data-content / pseudo-element letters, SVG <use> text. */
  visible: string;
  /** visible, plus the ARIA names of descendants that draw no words (an icon link labelled "Sponsored"). */
  spoken: string;
  /** How many separate pieces (text nodes, attributes, SVG texts) the visible text is assembled from. */
  pieces: number;
  /** Whether it holds a block (a line of its own): then it is more than one caption. */
  blocks: boolean;
}

const EMPTY: ReadText = { visible: '', spoken: '', pieces: 0, blocks: false };

/**
 * The text a person sees in el: rendered leaf text only (hidden, transparent, zero-size and off-screen text
 * dropped), flex items in their visual order, `data-content` / `::before` letters, SVG `<use>` text, and for an
 * element with no visible words its `aria-labelledby` / `aria-label` name. Whitespace collapsed, invisible
 * characters removed, case kept.
 */
export function renderedLabelText(el: Element, isRendered: (el: Element) => boolean, options: LabelReadOptions = {}): string {
  const reader = new LabelReader(el, isRendered, options);
  return collapse(reader.read(el).spoken);
}

/** One read of one subtree: style lookups and texts are computed once per element. */
export class LabelReader implements TextView {
  /** Every element read, with its text; children come before their parents. */
  readonly texts = new Map<Element, ReadText>();
  /** Rendered elements, with a box, whose ARIA name was read. */
  readonly ariaNames = new Map<Element, string>();
  private readonly doc: Document;
  private readonly view: (Window & typeof globalThis) | null;
  private readonly styles = new Map<Element, CSSStyleDeclaration | null>();

  constructor(
    readonly root: Element,
    private readonly isRendered: (el: Element) => boolean,
    private readonly options: LabelReadOptions = {},
  ) {
    this.doc = root.ownerDocument;
    this.view = this.doc.defaultView as (Window & typeof globalThis) | null;
  }

  read(el: Element, clip: Box | null = null): ReadText {
    const done = this.texts.get(el);
    if (done) return done;
    const text = this.readUncached(el, clip);
    this.texts.set(el, text);
    return text;
  }

  /** TextView: the visible text of an element read here, else its DOM text (outside the subtree read). */
  textOf(el: Element): string {
    return this.texts.get(el)?.visible ?? el.textContent ?? '';
  }

  isBlock(el: Element): boolean {
    return BLOCK_DISPLAY.test(this.style(el)?.display ?? '');
  }

  /** Whether a label element read here sits in a sentence (running-text.ts), looking no higher than the root. */
  inRunningText(el: Element, stopAtRoot = true): boolean {
    return inRunningText(el, this, stopAtRoot ? this.root : null);
  }

  private readUncached(el: Element, clip: Box | null): ReadText {
    if (NOT_TEXT.has(el.tagName) || (this.options.exclude && el !== this.root && safeMatches(el, this.options.exclude))) {
      return EMPTY;
    }
    const style = this.style(el);
    if (!style || hidesSubtree(el, style)) return EMPTY;
    const box = el.getBoundingClientRect();
    if (this.outsideClip(box, clip)) return EMPTY;
    const innerClip = clips(style) ? intersect(clip, box) : clip;

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
        const value = (child.nodeValue ?? '').replace(INVISIBLE, '');
        if (LETTER.test(value) ? textShows() : value.length > 0) add({ visible: value, spoken: value, pieces: LETTER.test(value) ? 1 : 0 }, false);
      } else if (child instanceof Element) {
        if (child.tagName === 'BR') {
          add(EMPTY, true);
          continue;
        }
        const part = this.read(child, innerClip);
        add(part, !flexLike && this.isBlock(child));
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

  /** Whether el has a box larger than 2×2 px. */
  hasVisibleBox(el: Element): boolean {
    return this.style(el) !== null && boxShows(el.getBoundingClientRect());
  }

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

  /** Whether the element's own text nodes can be seen. */
  private textShows(el: Element, style: CSSStyleDeclaration, box: DOMRect, clip: Box | null): boolean {
    if (!textStyleShows(style)) return false;
    if ((box.width < 1 || box.height < 1) && style.display !== 'contents' && el.namespaceURI !== SVG_NS) return false;
    if (this.outsideClip(box, clip)) return false;
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

  /** Generated content of a pseudo-element, where the browser reports it. */
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
  private ariaName(el: Element, style: CSSStyleDeclaration, box: DOMRect): string | null {
    const labelledBy = el.getAttribute('aria-labelledby');
    const label = el.getAttribute('aria-label');
    if (!labelledBy && !label) return null;
    if (style.visibility === 'hidden' || !this.isRendered(el)) return null;
    if (!boxShows(box)) return null;
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

function boxShows(box: DOMRect): boolean {
  return box.width > 2 && box.height > 2;
}
