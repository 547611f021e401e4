/**
 * The CSS tricks that hide text from a person while leaving it in the DOM (docs/detection.md,
 * "As a person sees it"): pure predicates over a computed style, so the reader and its tests share them.
 */

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** CSS that hides an element and everything in it, whatever its descendants say (layout aside). */
export function hidesSubtree(el: Element, style: CSSStyleDeclaration): boolean {
  if (style.display === 'none') return true;
  if (el.hasAttribute('hidden') && style.display === '') return true;
  if (parseFloat(style.opacity) === 0) return true;
  if (zeroClip(style, el)) return true;
  // A box of zero (or one) pixel that clips its content: the "visually hidden" pattern and collapsed spans.
  return clips(style) && (tiny(style.width) || tiny(style.height) || tiny(style.maxWidth) || tiny(style.maxHeight));
}

/** Whether the style lets an element's own text nodes be seen. */
export function textStyleShows(style: CSSStyleDeclaration): boolean {
  if (style.visibility === 'hidden' || style.visibility === 'collapse') return false;
  const fontSize = parseFloat(style.fontSize);
  if (!Number.isNaN(fontSize) && fontSize < 1) return false;
  if (transparent(style.color)) return false;
  return !(parseFloat(style.textIndent) <= -999);
}

export function clips(style: CSSStyleDeclaration): boolean {
  const values = [style.overflow, style.overflowX, style.overflowY];
  return values.some((v) => v === 'hidden' || v === 'clip' || v === 'scroll' || v === 'auto');
}

function tiny(value: string): boolean {
  return /px$/.test(value) && px(value) <= 1;
}

export function intersect(clip: Box | null, box: DOMRect): Box {
  if (!clip) return { left: box.left, top: box.top, right: box.right, bottom: box.bottom };
  return {
    left: Math.max(clip.left, box.left),
    top: Math.max(clip.top, box.top),
    right: Math.min(clip.right, box.right),
    bottom: Math.min(clip.bottom, box.bottom),
  };
}

function px(value: string): number {
  const n = parseFloat(value);
  return Number.isNaN(n) ? 0 : n;
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

function transparent(color: string): boolean {
  if (color === 'transparent') return true;
  const rgba = /rgba\(\s*[\d.]+\s*,\s*[\d.]+\s*,\s*[\d.]+\s*,\s*([\d.]+)\s*\)/.exec(color);
  return rgba !== null && parseFloat(rgba[1]!) === 0;
}
