import type { AdKind, FilterRule } from '../../common/types';
import type { UserRule } from '../../common/user-rules';

export type { FilterRule } from '../../common/types';

export interface Detection {
  element: Element;
  /**
   * Why the element is an ad: "sig:<id>" (built-in signature), "label:<word>" (disclosure label),
   * "adapter:<platform>/<unit>" (platform adapter), "<list>@<version> <filter text>" (filter list) or
   * "user:<rule line>" (the user's own rule).
   */
  rule: string;
  kind: AdKind;
  /** The ad system, from this match or from a nested one (a GPT iframe inside a labelled box). */
  network: string | null;
}

/** What detection needs to know beside the DOM. */
export interface DetectContext {
  /** True when CSS lets a person see the element; () => true in tests that hide nothing by CSS. */
  isRendered(el: Element): boolean;
  /** The page's registrable domain without its public suffix ("google" for www.google.co.uk), from the background. */
  platform: string | null;
  /** Filter-list rules that apply to this page. */
  filterRules: readonly FilterRule[];
  /** The user's own rules for this page: ads AdTally missed, and elements that are not ads. */
  userRules?: readonly UserRule[];
}

/**
 * A platform adapter finds the sponsored units of one platform (Google Search, YouTube, Facebook …) from
 * markup the generic layers miss. One small module each in adapters/, registered in adapters/index.ts.
 */
export interface PlatformAdapter {
  /** Short stable id, the <platform> part of its rules: "google-search", "youtube", "facebook" … */
  id: string;
  /** Registrable-domain labels where it runs: ["google"] matches google.com, google.co.uk, google.test. */
  platforms: readonly string[];
  /** Every sponsored unit at or under root. Rules are "adapter:<id>/<unit>". */
  detect(root: Element | Document, ctx: DetectContext): Detection[];
  /**
   * Regions whose every ad the adapter finds itself (a recommendation widget): generic layers do not
   * report anything inside them, since a filter list hides such widgets whole, organic cards included.
   */
  owns?(root: Element | Document): Element[];
}

export const NO_CONTEXT: DetectContext = { isRendered: () => true, platform: null, filterRules: [] };
