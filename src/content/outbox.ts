/**
 * The content script's outbox: events wait here until the background acknowledges them. Batches go at most
 * every `flushIntervalMs`, at once when asked (a click, the page being hidden), and again with backoff while
 * the service worker is gone. Every event has an id, so a batch that was stored but not acknowledged is
 * stored only once when retried. As the page is left, `handOver()` sends everything still pending at once.
 */
import type { AdEvent } from '../common/types';
import { withTimeout } from './with-timeout';

export interface SendResult {
  stored: string[];
  rejected: string[];
}

export interface OutboxOptions {
  send: (events: AdEvent[]) => Promise<SendResult>;
  /** Decides which failures mean the extension is gone for good (stop) rather than asleep (retry). */
  isFatal: (error: unknown) => boolean;
  onFatal: () => void;
  flushIntervalMs?: number;
  maxBackoffMs?: number;
  /**
   * A send that has not settled after this long is given up and retried: a message sent as the page entered
   * the back/forward cache never gets its answer. Retrying is safe because events are stored by id.
   */
  sendTimeoutMs?: number;
  maxBatch?: number;
}

export class Outbox {
  private readonly pending = new Map<string, AdEvent>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** True while the timer is a retry waiting out its backoff: an early flush would only hammer a dead worker. */
  private waitingToRetry = false;
  private sending: Promise<void> | null = null;
  private backoffMs = 0;
  private stopped = false;

  constructor(private readonly options: OutboxOptions) {}

  add(event: AdEvent): void {
    if (this.stopped) return;
    this.pending.set(event.id, event);
    this.schedule(this.options.flushIntervalMs ?? 1000);
  }

  get size(): number {
    return this.pending.size;
  }

  /** The most events one message carries (the background reads at most MAX_BATCH of a message). */
  private get batchSize(): number {
    return this.options.maxBatch ?? 500;
  }

  /** Sends what is pending now, unless a send is under way or a retry is waiting out its backoff. */
  flush(): Promise<void> {
    if (this.waitingToRetry) return Promise.resolve();
    return this.sendNow();
  }

  /**
   * Sends every pending event at once, in batches of `maxBatch`, whatever is in flight or waiting out a
   * backoff: for `pagehide`, after which a page left for another site sees no answer, so a batch waiting for
   * one would be lost. What is acknowledged if the page lives on (a back/forward-cache entry) is forgotten as
   * usual; the rest stays pending, and the background stores each id once however often it comes.
   */
  handOver(): void {
    if (this.stopped) return;
    const events = [...this.pending.values()];
    const size = this.batchSize;
    for (let i = 0; i < events.length; i += size) {
      const batch = events.slice(i, i + size);
      this.options.send(batch).then(
        (result) => this.forget(batch, result),
        () => {},
      );
    }
  }

  stop(): void {
    this.stopped = true;
    this.clearTimer();
  }

  private sendNow(): Promise<void> {
    if (this.stopped || this.pending.size === 0) return this.sending ?? Promise.resolve();
    if (this.sending) return this.sending;
    this.clearTimer();
    const batch = [...this.pending.values()].slice(0, this.batchSize);
    this.sending = this.sendBatch(batch).finally(() => {
      this.sending = null;
      if (this.pending.size === 0) return;
      if (this.backoffMs > 0) {
        // A timer set by add() during the failed send must not cut the backoff short.
        this.clearTimer();
        this.schedule(this.backoffMs, true);
      } else this.schedule(0);
    });
    return this.sending;
  }

  private async sendBatch(batch: AdEvent[]): Promise<void> {
    try {
      this.forget(batch, await withTimeout(this.options.send(batch), this.options.sendTimeoutMs ?? 5000));
      this.backoffMs = 0;
    } catch (error) {
      if (this.options.isFatal(error)) {
        this.stop();
        this.options.onFatal();
        return;
      }
      // The service worker may be stopped or starting: wait 1 s, 2 s, 4 s … up to the cap.
      this.backoffMs = Math.min(Math.max(1000, this.backoffMs * 2), this.options.maxBackoffMs ?? 30_000);
    }
  }

  /** Forgets the events of a batch the background stored or refused. */
  private forget(batch: AdEvent[], result: SendResult): void {
    const sent = new Map(batch.map((event) => [event.id, event]));
    // An event re-added with the same id while this batch was in flight (a dwell that grew) stays pending.
    for (const id of [...result.stored, ...result.rejected]) if (this.pending.get(id) === sent.get(id)) this.pending.delete(id);
  }

  private schedule(delayMs: number, isRetry = false): void {
    if (this.timer !== null || this.stopped) return;
    this.waitingToRetry = isRetry;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.waitingToRetry = false;
      void this.sendNow();
    }, delayMs);
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.waitingToRetry = false;
  }
}
