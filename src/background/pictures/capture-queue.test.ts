import { describe, expect, it } from 'vitest';
import { CAPTURE_GAP_MS, CaptureQueue, MAX_QUEUED } from './capture-queue';

/** A clock the test moves by hand: timers fire only when `advance` passes them. */
function manualClock() {
  let now = 1_000;
  const timers: { at: number; fn: () => void }[] = [];
  return {
    now: () => now,
    setTimeout: (fn: () => void, ms: number) => timers.push({ at: now + ms, fn }),
    async advance(ms: number) {
      const until = now + ms;
      for (;;) {
        timers.sort((a, b) => a.at - b.at);
        const next = timers[0];
        if (!next || next.at > until) break;
        timers.shift();
        now = next.at;
        next.fn();
        // Let the job's promise and the queue's `finally` run.
        for (let i = 0; i < 5; i++) await Promise.resolve();
      }
      now = until;
    },
  };
}

describe('CaptureQueue', () => {
  it('starts one capture at a time, each at least CAPTURE_GAP_MS after the one before (Chromium allows 2 a second)', async () => {
    const clock = manualClock();
    const starts: [string, number][] = [];
    const queue = new CaptureQueue<string>(async (job) => void starts.push([job, clock.now()]), clock);
    queue.add('a', 'a');
    queue.add('b', 'b');
    queue.add('c', 'c');
    await clock.advance(2_000);
    expect(starts).toEqual([
      ['a', 1_000],
      ['b', 1_000 + CAPTURE_GAP_MS],
      ['c', 1_000 + 2 * CAPTURE_GAP_MS],
    ]);
  });

  it('takes a key once while it waits or runs', async () => {
    const clock = manualClock();
    const runs: string[] = [];
    const queue = new CaptureQueue<string>(async (job) => void runs.push(job), clock);
    expect(queue.add('fp', 'first')).toBe(true);
    expect(queue.add('fp', 'second')).toBe(false);
    await clock.advance(5_000);
    expect(runs).toEqual(['first']);
    // Done: the key may come again (the handler checks the stored picture first).
    expect(queue.add('fp', 'later')).toBe(true);
  });

  it('keeps at most MAX_QUEUED waiting, dropping the oldest', async () => {
    const clock = manualClock();
    const runs: number[] = [];
    const queue = new CaptureQueue<number>(async (job) => void runs.push(job), clock);
    for (let i = 0; i < MAX_QUEUED + 3; i++) queue.add(`k${i}`, i);
    expect(queue.size).toBe(MAX_QUEUED);
    await clock.advance(60_000);
    expect(runs).toEqual(Array.from({ length: MAX_QUEUED }, (_, i) => i + 3));
  });

  it('goes on after a capture fails', async () => {
    const clock = manualClock();
    const runs: string[] = [];
    const queue = new CaptureQueue<string>(async (job) => {
      runs.push(job);
      if (job === 'bad') throw new Error('tab closed');
    }, clock);
    const warn = console.warn;
    console.warn = () => {};
    queue.add('bad', 'bad');
    queue.add('good', 'good');
    await clock.advance(2_000);
    console.warn = warn;
    expect(runs).toEqual(['bad', 'good']);
  });
});
