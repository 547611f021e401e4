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

  /**
   * Registers a detection; returns null when it is, is inside, or contains an ad already known. A box that
   * gains its "Advertisement" caption after the slot inside it was registered is the same ad, not a second.
   */
  add(detection: Detection): Ad | null {
    if (this.closest(detection.element) || this.containsKnownAd(detection.element)) return null;
    const ad: Ad = { id: `ad${++this.count}`, ...detection };
    this.byElement.set(detection.element, ad);
    this.byId.set(ad.id, ad);
    return ad;
  }

  // Linear in the ads of the page view (tens, rarely hundreds); runs only when a new ad is found.
  private containsKnownAd(element: Element): boolean {
    for (const ad of this.byId.values()) if (element.contains(ad.element)) return true;
    return false;
  }

  /** Every ad of the page view, in the order found. */
  all(): Ad[] {
    return [...this.byId.values()];
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
