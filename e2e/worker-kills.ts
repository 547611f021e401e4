/**
 * Stops AdTally's service worker from the outside, as Chromium does when it decides a worker is idle or
 * over its time limit, and proves each stop happened. Uses DevTools' ServiceWorker domain through a page's
 * CDP session (no hook in the extension): `stopAllWorkers` stops the worker, `workerVersionUpdated` reports
 * its running status, `startWorker` wakes it for the test's own reads. Playwright keeps one Worker object
 * for the extension's worker across stops and starts (the DevTools target survives), so a restart is told by
 * the status events and by a global set on the worker being gone.
 *
 * DevTools' Storage domain also reports each write to the extension's IndexedDB as it happens, so a stop can
 * be timed to land as a batch's transaction finishes: the daily totals are written last, just before the
 * commit, and a stop then often leaves a batch stored but never acknowledged, the case idempotency is for.
 */
import type { BrowserContext, CDPSession, Page, Worker } from '@playwright/test';

type RunningStatus = 'stopped' | 'starting' | 'running' | 'stopping';

interface VersionUpdate {
  versions: { versionId: string; scriptURL: string; runningStatus: RunningStatus }[];
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class WorkerKiller {
  /** Stops that found the worker starting or running and saw it reach `stopped`. */
  kills = 0;
  /** Times DevTools saw the stopped worker start again (each start is a fresh global scope). */
  starts = 0;
  private status: RunningStatus = 'stopped';
  private readonly waiters = new Set<() => void>();
  private readonly writeWaiters = new Set<(store: string) => void>();

  private constructor(
    private readonly context: BrowserContext,
    private readonly cdp: CDPSession,
    readonly extensionId: string,
  ) {}

  static async attach(context: BrowserContext, page: Page, extensionId: string): Promise<WorkerKiller> {
    const cdp = await context.newCDPSession(page);
    const killer = new WorkerKiller(context, cdp, extensionId);
    cdp.on('ServiceWorker.workerVersionUpdated', (event: VersionUpdate) => {
      for (const version of event.versions) {
        if (!version.scriptURL.startsWith(killer.origin)) continue;
        const alive = (s: RunningStatus) => s === 'starting' || s === 'running';
        if (alive(version.runningStatus) && !alive(killer.status)) killer.starts++;
        killer.status = version.runningStatus;
        for (const wake of killer.waiters) wake();
      }
    });
    cdp.on('Storage.indexedDBContentUpdated', (event: { objectStoreName: string }) => {
      for (const wake of killer.writeWaiters) wake(event.objectStoreName);
    });
    await cdp.send('ServiceWorker.enable');
    await cdp.send('Storage.trackIndexedDBForStorageKey', { storageKey: killer.origin });
    return killer;
  }

  get origin(): string {
    return `chrome-extension://${this.extensionId}/`;
  }

  get runningStatus(): RunningStatus {
    return this.status;
  }

  /** Resolves once the worker's status satisfies `ok`, or rejects after `timeoutMs`. */
  async waitForStatus(ok: (status: RunningStatus) => boolean, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!ok(this.status)) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`service worker stayed ${this.status} for ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          this.waiters.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, Math.min(left, 250));
        this.waiters.add(wake);
      });
    }
  }

  /** Stops the worker now; counts the stop if it was alive, and waits until DevTools reports it stopped. */
  async kill(): Promise<void> {
    const wasAlive = this.status === 'starting' || this.status === 'running';
    await this.cdp.send('ServiceWorker.stopAllWorkers');
    await this.waitForStatus((s) => s === 'stopped', 10_000);
    if (wasAlive) this.kills++;
  }

  /**
   * Resolves at the next write to an object store other than `events` (the totals, written after a batch's
   * events, just before its transaction commits), or after `timeoutMs`. Resolves to whether one came.
   */
  nextTotalsWrite(timeoutMs: number): Promise<boolean> {
    return new Promise((resolve) => {
      const done = (seen: boolean) => {
        clearTimeout(timer);
        this.writeWaiters.delete(onWrite);
        resolve(seen);
      };
      const onWrite = (store: string) => store !== 'events' && done(true);
      const timer = setTimeout(() => done(false), timeoutMs);
      this.writeWaiters.add(onWrite);
    });
  }

  /** The extension's running service worker, started if it is stopped. */
  async live(): Promise<Worker> {
    for (let attempt = 0; attempt < 20; attempt++) {
      const worker = this.context.serviceWorkers().find((w) => w.url().startsWith(this.origin));
      if (worker) {
        const alive = await worker.evaluate(() => true).catch(() => false);
        if (alive) return worker;
      }
      const next = this.context.waitForEvent('serviceworker', { timeout: 5000 }).catch(() => null);
      await this.cdp.send('ServiceWorker.startWorker', { scopeURL: this.origin });
      await next;
      await sleep(100);
    }
    throw new Error('the service worker did not start');
  }

  async detach(): Promise<void> {
    await this.cdp.detach().catch(() => {});
  }
}

/** Marks the running worker's global scope; `isMarked` on a later worker tells a restart from the same one. */
export async function markGlobalScope(worker: Worker): Promise<void> {
  await worker.evaluate(() => {
    (globalThis as { __deliveryProbe?: boolean }).__deliveryProbe = true;
  });
}

export async function isMarked(worker: Worker): Promise<boolean> {
  return worker.evaluate(() => (globalThis as { __deliveryProbe?: boolean }).__deliveryProbe === true);
}
