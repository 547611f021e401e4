/**
 * Waits until a page's main thread is quiet: the renderer's TaskDuration (Performance.getMetrics, the summed
 * wall time of its main-thread tasks) grows by less than `busy` of the elapsed time over `consecutive`
 * windows of `windowMs` in a row. A page whose work (its own, or an extension's in its isolated world) goes on
 * in slices, with the thread free in between, is still busy by this measure; a fixed settle time would cut
 * such work short in one configuration and not the other. Resolves to { waitedMs, quiet } (quiet false after
 * `timeoutMs`).
 */
export async function waitForQuiet(context, page, { windowMs = 1000, busy = 0.05, consecutive = 2, timeoutMs = 900_000 } = {}) {
  const session = await context.newCDPSession(page);
  try {
    await session.send('Performance.enable');
    const sample = async () => {
      const { metrics } = await session.send('Performance.getMetrics');
      const get = (name) => metrics.find((m) => m.name === name)?.value ?? 0;
      return { at: get('Timestamp'), busy: get('TaskDuration') };
    };
    const t0 = Date.now();
    let last = await sample();
    let calm = 0;
    while (Date.now() - t0 < timeoutMs) {
      await new Promise((resolve) => setTimeout(resolve, windowMs));
      const now = await sample();
      const elapsed = now.at - last.at;
      calm = elapsed > 0 && (now.busy - last.busy) / elapsed < busy ? calm + 1 : 0;
      last = now;
      if (calm >= consecutive) return { waitedMs: Date.now() - t0, quiet: true };
    }
    return { waitedMs: Date.now() - t0, quiet: false };
  } finally {
    await session.detach().catch(() => {});
  }
}
