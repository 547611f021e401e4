/**
 * A page read that cannot change while AdTally's own code runs (the page's scripts run only between two of
 * AdTally's callbacks): taken once, and forgotten at the next microtask checkpoint, when the page may run
 * again. An intersection callback that records events for many ads reads the window's focus and the page's
 * address once instead of once per event.
 */
export function oncePerTask<T>(read: () => T): () => T {
  let value: { read: T } | null = null;
  return () => {
    if (value === null) {
      value = { read: read() };
      queueMicrotask(() => {
        value = null;
      });
    }
    return value.read;
  };
}
