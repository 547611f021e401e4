/**
 * Captures wait their turn: Chromium allows `tabs.captureVisibleTab` at most twice a second
 * (MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND = 2) and fails the call past it. One capture runs at a time, each
 * starting at least CAPTURE_GAP_MS after the one before. The queue is short: a sighting is about the screen
 * as it was, and one that waited long would crop whatever scrolled in since; past MAX_QUEUED the oldest
 * waiting one is dropped (the creative's next sighting, in a later page view, tries again).
 * Pure but for the clock it is given, so its rules run in unit tests.
 */
export const CAPTURE_GAP_MS = 500;
export const MAX_QUEUED = 8;

export interface QueueClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
}

export class CaptureQueue<T> {
  private readonly waiting = new Map<string, T>();
  private readonly running = new Set<string>();
  private lastStart = -Infinity;
  private timer: unknown = null;
  private busy = false;

  constructor(
    private readonly run: (job: T) => Promise<void>,
    private readonly clock: QueueClock = { now: () => Date.now(), setTimeout: (fn, ms) => setTimeout(fn, ms) },
  ) {}

  /** Queues a job under a key; false when that key is already waiting or running. */
  add(key: string, job: T): boolean {
    if (this.waiting.has(key) || this.running.has(key)) return false;
    if (this.waiting.size >= MAX_QUEUED) this.waiting.delete(this.waiting.keys().next().value!);
    this.waiting.set(key, job);
    this.schedule();
    return true;
  }

  get size(): number {
    return this.waiting.size;
  }

  private schedule(): void {
    if (this.busy || this.timer !== null || this.waiting.size === 0) return;
    const wait = Math.max(0, this.lastStart + CAPTURE_GAP_MS - this.clock.now());
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      void this.next();
    }, wait);
  }

  private async next(): Promise<void> {
    const first = this.waiting.entries().next();
    if (first.done) return;
    const [key, job] = first.value;
    this.waiting.delete(key);
    this.running.add(key);
    this.busy = true;
    this.lastStart = this.clock.now();
    try {
      await this.run(job);
    } catch (error) {
      console.warn('AdTally: a creative picture could not be taken:', error);
    } finally {
      this.running.delete(key);
      this.busy = false;
      this.schedule();
    }
  }
}
