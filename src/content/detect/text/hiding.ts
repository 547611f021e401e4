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

/**
 * Off-screen hiding guessed from the declared offsets and transforms, for a document without layout (unit
 * tests); with layout the box itself says, and a virtualised feed moving its cells thousands of pixels down
 * with translateY is not hiding them.
 */
export function offScreenWithoutLayout(style: CSSStyleDeclaration): boolean {
  return (/^(absolute|fixed)$/.test(style.position) && offScreenOffsets(style)) || farTransform(style.transform);
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

export function tiny(value: string): boolean {
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

function transparent(color: string): boolean {
  if (color === 'transparent') return true;
  const rgba = /rgba\(\s*[\d.]+\s*,\s*[\d.]+\s*,\s*[\d.]+\s*,\s*([\d.]+)\s*\)/.exec(color);
  return rgba !== null && parseFloat(rgba[1]!) === 0;
}
