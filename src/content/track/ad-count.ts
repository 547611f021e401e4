/**
 * The number of ads a person could see on the page, for the toolbar badge. Counting reads layout (each
 * ad's box), so it never runs inside a scan or an observer callback: a change (an ad found, released or
 * seen) asks for a count a second later, changes meanwhile join it, and the count runs when `settle` says
 * layout is clean (track/after-frame.ts in the page). The number is sent only when it differs from the last
 * one sent in this page view. The first count is always sent, 0 included: it replaces whatever the tab's
 * previous page view showed.
 */
export const COUNT_AFTER_MS = 1000;

export function reportAdCount(
  count: () => number,
  send: (count: number) => void,
  signal: AbortSignal,
  settle: (fn: () => void) => void = (fn) => fn(),
): { changed(): void } {
  let sent: number | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const run = () => {
    if (signal.aborted) return;
    const now = count();
    if (now === sent) return;
    sent = now;
    send(now);
  };
  const changed = () => {
    if (timer !== null || signal.aborted) return;
    timer = setTimeout(() => {
      // A change from here on asks for a count of its own: this one may already have read the page.
      timer = null;
      settle(run);
    }, COUNT_AFTER_MS);
  };
  signal.addEventListener('abort', () => timer !== null && clearTimeout(timer), { once: true });
  changed();
  return { changed };
}
