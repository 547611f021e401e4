import type { Detection } from '../detect/detect';
import type { AdKind } from '../../common/types';

/** A detected ad within one page view. */
export interface Ad {
  id: string;
  element: Element;
  rule: string;
  kind: AdKind;
  network: string | null;
}

/** The ads of one page view, keyed by element; an element inside a known ad is never a second ad. */
export class AdRegistry {
  private readonly byElement = new WeakMap<Element, Ad>();
  // Strong references for the life of the page view, which ends at navigation; see docs/measurement.md.
  private readonly byId = new Map<string, Ad>();
  private count = 0;

  /** Registers a detection; returns null when it is, or is inside, an ad already known. */
  add(detection: Detection): Ad | null {
    if (this.closest(detection.element)) return null;
    const ad: Ad = { id: `ad${++this.count}`, ...detection };
    this.byElement.set(detection.element, ad);
    this.byId.set(ad.id, ad);
    return ad;
  }

  byAdId(id: string): Ad | undefined {
    return this.byId.get(id);
  }

  get(element: Element): Ad | undefined {
    return this.byElement.get(element);
  }

  /** The ad that is this element or contains it. */
  closest(element: Element | null): Ad | undefined {
    for (let el = element; el; el = el.parentElement) {
      const ad = this.byElement.get(el);
      if (ad) return ad;
    }
    return undefined;
  }

  get size(): number {
    return this.count;
  }
}
