/**
 * Performance marks of the popup's start (bench/lib/popup-opens.mjs reads them; DevTools shows them):
 * `popup:script` when popup.js starts running (imported first by index.tsx, so it runs before the other
 * modules are evaluated), `popup:data` when the first screen's data is in, `popup:painted` at the animation
 * frame that paints the first screen (its rows, or the first-run message).
 */
performance.mark('popup:script');

export function markStart(name: 'popup:data' | 'popup:painted'): void {
  if (performance.getEntriesByName(name).length === 0) performance.mark(name);
}
