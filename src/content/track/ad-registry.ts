import type { Detection } from '../detect/detect';
import type { AdKind } from '../../common/types';

/** A detected ad within one page view. */
export interface Ad {
  id: string;
  /** The element showing the ad now; a virtualised list may move the ad to another node. */
  element: Element;
  rule: string;
  kind: AdKind;
  network: string | null;
  /** Creative fingerprint plus slot: the same identity is the same ad, whichever node shows it. */
  identity: string;
}

/**
 * The ads of one page view. An element inside a known ad is never a second ad. Ads are also keyed by
 * identity (fingerprint + slot), so a virtualised list that recycles nodes neither turns one ad into many
 * (the ad shown again by another node is the same ad) nor many into one (a node whose content changed is
 * released and detected afresh).
 */
export class AdRegistry {
  private readonly byElement = new WeakMap<Element, Ad>();
  // Strong references for the life of the page view, which ends at navigation; see docs/measurement.md.
  private readonly byId = new Map<string, Ad>();
  private readonly byIdentity = new Map<string, Ad>();
  private count = 0;

  /**
   * Registers a detection; returns null when it is, is inside, or contains an ad already shown by another
   * element. A box that gains its "Advertisement" caption after the slot inside it was registered is the
   * same ad, not a second. `rebound` is true when a known ad moved to this element.
   */
  add(detection: Detection, identity: string): { ad: Ad; rebound: boolean } | null {
    if (this.closest(detection.element) || this.containsKnownAd(detection.element)) return null;
    const known = this.byIdentity.get(identity);
    if (known && !(known.element.isConnected && this.byElement.get(known.element) === known)) {
      this.byElement.delete(known.element);
      known.element = detection.element;
      this.byElement.set(detection.element, known);
      return { ad: known, rebound: true };
    }
    const ad: Ad = { id: `ad${++this.count}`, ...detection, identity };
    this.byElement.set(detection.element, ad);
    this.byId.set(ad.id, ad);
    if (!known) this.byIdentity.set(identity, ad);
    return { ad, rebound: false };
  }

  /** The element no longer shows its ad (its content changed): forget the link, keep the ad's history. */
  release(element: Element): Ad | undefined {
    const ad = this.byElement.get(element);
    this.byElement.delete(element);
    return ad;
  }

  // Linear in the ads of the page view (tens, rarely hundreds); runs only when a new ad is found.
  private containsKnownAd(element: Element): boolean {
    for (const ad of this.byId.values()) {
      if (element !== ad.element && this.byElement.get(ad.element) === ad && element.contains(ad.element)) return true;
    }
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

/** Attributes by which lists name an item's position or key, so a recycled node can be told apart. */
const SLOT_ATTRIBUTES = ['data-index', 'data-item-index', 'aria-posinset', 'data-row-index', 'data-key', 'data-item-id', 'data-id'];
const elementKeys = new WeakMap<Element, number>();
let nextElementKey = 0;

/**
 * An ad's identity in its page view: its fingerprint plus its slot, the list position or key the page gives
 * it (on the ad or its nearest ancestors). Without one, the element itself is the slot.
 */
export function identityOf(element: Element, fingerprint: string): string {
  let el: Element | null = element;
  for (let depth = 0; el && depth < 4; depth++, el = el.parentElement) {
    for (const name of SLOT_ATTRIBUTES) {
      const value = el.getAttribute(name);
      if (value) return `${fingerprint}|${name}=${value}`;
    }
  }
  let key = elementKeys.get(element);
  if (key === undefined) elementKeys.set(element, (key = ++nextElementKey));
  return `${fingerprint}|node${key}`;
}
