/**
 * Helpers for the adapter unit tests (browser tier): run the adapters registered for a platform over a page,
 * exactly as detectAds does, so a test fails when its adapter is missing from ADAPTERS.
 */
import type { DetectContext, Detection } from '../types';
import { adaptersFor } from './index';

/** CSS visibility as a browser's checkVisibility reports it (display, visibility, opacity). */
export function visible(el: Element): boolean {
  return el.checkVisibility({ opacityProperty: true, visibilityProperty: true });
}

export function contextFor(platform: string | null, isRendered: (el: Element) => boolean = visible): DetectContext {
  return { platform, isRendered, filterRules: [] };
}

/** Sets the page body, then returns what the platform's registered adapters find under root (the document). */
export function scan(platform: string | null, html: string, root?: () => Element): Detection[] {
  document.body.innerHTML = html;
  const ctx = contextFor(platform);
  const at = root ? root() : document;
  return adaptersFor(platform).flatMap((a) => a.detect(at, ctx));
}

/** Detections as [element id, rule, kind, network], comparable with toEqual. */
export function summary(found: Detection[]): [string, string, string, string | null][] {
  return found.map((d) => [d.element.id || d.element.tagName.toLowerCase(), d.rule, d.kind, d.network]);
}

export function ids(found: Detection[]): string[] {
  return found.map((d) => d.element.id || d.element.tagName.toLowerCase());
}
