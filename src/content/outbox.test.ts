import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AdEvent } from '../common/types';
import { adEvent } from '../test-support/sample-events';
import { Outbox } from './outbox';
import type { OutboxOptions, SendResult } from './outbox';

const event = (id: string): AdEvent => adEvent({ id, time: Date.now() });

const storeAll = async (events: AdEvent[]): Promise<SendResult> => ({ stored: events.map((e) => e.id), rejected: [] });

class Retryable extends Error {}
class Fatal extends Error {}

function makeOutbox(send: OutboxOptions['send'], options: Partial<OutboxOptions> = {}) {
  const sendMock = vi.fn(send);
  const onFatal = vi.fn();
  const outbox = new Outbox({
    send: sendMock,
    isFatal: (error) => error instanceof Fatal,
    onFatal,
    ...options,
  });
  /** The ids of each batch sent so far. */
  const batches = () => sendMock.mock.calls.map(([events]) => events.map((e) => e.id));
  return { outbox, send: sendMock, onFatal, batches };
}

/** A promise the test settles itself. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('Outbox', () => {
  it('sends what was added as one batch after 1 s', async () => {
    const { outbox, send, batches } = makeOutbox(storeAll);
    const e1 = event('e1');
    outbox.add(e1);
    await vi.advanceTimersByTimeAsync(500);
    outbox.add(event('e2'));
    expect(outbox.size).toBe(2);
    await vi.advanceTimersByTimeAsync(499);
    expect(send).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(batches()).toEqual([['e1', 'e2']]);
    expect(send.mock.calls[0]![0][0]).toEqual(e1);
    expect(outbox.size).toBe(0);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('honours flushIntervalMs', async () => {
    const { outbox, send } = makeOutbox(storeAll, { flushIntervalMs: 250 });
    outbox.add(event('e1'));
    await vi.advanceTimersByTimeAsync(249);
    expect(send).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('sends at once on flush() and does not send again when the timer would have fired', async () => {
    const { outbox, send, batches } = makeOutbox(storeAll);
    outbox.add(event('e1'));
    await outbox.flush();
    expect(batches()).toEqual([['e1']]);
    expect(outbox.size).toBe(0);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('does not send when there is nothing to send', async () => {
    const { outbox, send } = makeOutbox(storeAll);
    await outbox.flush();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(send).not.toHaveBeenCalled();
  });

  it('forgets stored and rejected ids and resends the unacknowledged ones', async () => {
    const results: SendResult[] = [
      { stored: ['e1'], rejected: ['e3'] },
      { stored: ['e2', 'e4'], rejected: [] },
    ];
    const { outbox, batches } = makeOutbox(async () => results.shift()!);
    for (const id of ['e1', 'e2', 'e3', 'e4']) outbox.add(event(id));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(batches()[0]).toEqual(['e1', 'e2', 'e3', 'e4']);
    expect(outbox.size).toBe(2);
    // The rest goes right away (a 0 ms timer, which fake timers run after 1 ms like browsers do).
    await vi.advanceTimersByTimeAsync(1);
    expect(batches()).toEqual([
      ['e1', 'e2', 'e3', 'e4'],
      ['e2', 'e4'],
    ]);
    expect(outbox.size).toBe(0);
  });

  it('retries a failed send with backoff 1 s, 2 s, 4 s and ignores flush() while backing off', async () => {
    let failures = 3;
    const { outbox, send, batches } = makeOutbox(async (events) => {
      if (failures-- > 0) throw new Retryable('Could not establish connection. Receiving end does not exist.');
      return storeAll(events);
    });
    outbox.add(event('e1'));
    await vi.advanceTimersByTimeAsync(1_000); // t=1000: first try fails
    expect(send).toHaveBeenCalledTimes(1);

    await outbox.flush();
    outbox.add(event('e2'));
    await outbox.flush();
    await vi.advanceTimersByTimeAsync(999);
    expect(send).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1); // t=2000: second try fails
    expect(send).toHaveBeenCalledTimes(2);

    await vi.advanceTimersByTimeAsync(1_999);
    await outbox.flush();
    expect(send).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1); // t=4000: third try fails
    expect(send).toHaveBeenCalledTimes(3);

    await vi.advanceTimersByTimeAsync(3_999);
    expect(send).toHaveBeenCalledTimes(3);
    await vi.advanceTimersByTimeAsync(1); // t=8000: fourth try succeeds
    expect(send).toHaveBeenCalledTimes(4);
    expect(batches()).toEqual([['e1'], ['e1', 'e2'], ['e1', 'e2'], ['e1', 'e2']]);
    expect(outbox.size).toBe(0);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(send).toHaveBeenCalledTimes(4);
  });

  it('caps the backoff at maxBackoffMs', async () => {
    const times: number[] = [];
    const { outbox } = makeOutbox(
      async () => {
        times.push(Date.now());
        throw new Retryable('worker asleep');
      },
      { maxBackoffMs: 3_000 },
    );
    const start = Date.now();
    outbox.add(event('e1'));
    await vi.advanceTimersByTimeAsync(20_000);
    expect(times.map((t) => t - start)).toEqual([1_000, 2_000, 4_000, 7_000, 10_000, 13_000, 16_000, 19_000]);
    expect(outbox.size).toBe(1);
  });

  it('starts the backoff again at 1 s after a success', async () => {
    const outcomes = [false, true, false, true];
    const times: number[] = [];
    const { outbox } = makeOutbox(async (events) => {
      times.push(Date.now());
      if (!outcomes.shift()) throw new Retryable('asleep');
      return storeAll(events);
    });
    const start = Date.now();
    outbox.add(event('e1'));
    await vi.advanceTimersByTimeAsync(2_000); // fails at 1000, succeeds at 2000
    outbox.add(event('e2'));
    await vi.advanceTimersByTimeAsync(10_000); // fails at 3000, succeeds at 4000
    expect(times.map((t) => t - start)).toEqual([1_000, 2_000, 3_000, 4_000]);
  });

  it('keeps the backoff when events are added while the failing send is in flight', async () => {
    const times: number[] = [];
    let inFlight: ReturnType<typeof deferred<SendResult>> | null = null;
    const { outbox } = makeOutbox(async (events) => {
      times.push(Date.now());
      if (times.length === 1) {
        inFlight = deferred<SendResult>();
        return inFlight.promise;
      }
      if (times.length === 2) throw new Retryable('asleep');
      return storeAll(events);
    });
    const start = Date.now();
    outbox.add(event('e1'));
    await vi.advanceTimersByTimeAsync(1_000); // t=1000: the send starts and hangs
    expect(inFlight).not.toBeNull();
    await vi.advanceTimersByTimeAsync(500);
    outbox.add(event('e2')); // t=1500, while the send is in flight (e.g. a click)
    const flushing = outbox.flush(); // joins the send in flight
    inFlight!.reject(new Retryable('Could not establish connection.'));
    await flushing; // t=1500: the send failed; the retry is due at t=2500
    await outbox.flush();
    await vi.advanceTimersByTimeAsync(999);
    await outbox.flush();
    expect(times.map((t) => t - start)).toEqual([1_000]);
    await vi.advanceTimersByTimeAsync(1); // t=2500: retry fails, next at t=4500
    await outbox.flush();
    await vi.advanceTimersByTimeAsync(1_999);
    expect(times.map((t) => t - start)).toEqual([1_000, 2_500]);
    await vi.advanceTimersByTimeAsync(1);
    expect(times.map((t) => t - start)).toEqual([1_000, 2_500, 4_500]);
    expect(outbox.size).toBe(0);
  });

  it('never loses events: a failed batch is resent with the same ids', async () => {
    let fail = true;
    const { outbox, batches } = makeOutbox(async (events) => {
      if (fail) {
        fail = false;
        throw new Retryable('asleep');
      }
      return storeAll(events);
    });
    outbox.add(event('a'));
    outbox.add(event('b'));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(outbox.size).toBe(2);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(batches()).toEqual([
      ['a', 'b'],
      ['a', 'b'],
    ]);
    expect(outbox.size).toBe(0);
  });

  it('stops for good on a fatal error: onFatal once, later events ignored', async () => {
    const { outbox, send, onFatal } = makeOutbox(async () => {
      throw new Fatal('Extension context invalidated.');
    });
    outbox.add(event('e1'));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(send).toHaveBeenCalledTimes(1);
    expect(onFatal).toHaveBeenCalledTimes(1);

    outbox.add(event('e2'));
    expect(outbox.size).toBe(1);
    await outbox.flush();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(send).toHaveBeenCalledTimes(1);
    expect(onFatal).toHaveBeenCalledTimes(1);
  });

  it('does not call onFatal for a retryable error', async () => {
    const { outbox, onFatal } = makeOutbox(async () => {
      throw new Retryable('asleep');
    });
    outbox.add(event('e1'));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(onFatal).not.toHaveBeenCalled();
    expect(outbox.size).toBe(1);
  });

  it('stop() cancels the pending send', async () => {
    const { outbox, send } = makeOutbox(storeAll);
    outbox.add(event('e1'));
    outbox.stop();
    outbox.add(event('e2'));
    await outbox.flush();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(send).not.toHaveBeenCalled();
  });

  it('splits a large queue into batches of maxBatch, in order', async () => {
    const { outbox, batches } = makeOutbox(storeAll, { maxBatch: 2 });
    for (const id of ['e1', 'e2', 'e3', 'e4', 'e5']) outbox.add(event(id));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(batches()[0]).toEqual(['e1', 'e2']);
    await vi.advanceTimersByTimeAsync(100);
    expect(batches()).toEqual([['e1', 'e2'], ['e3', 'e4'], ['e5']]);
    expect(outbox.size).toBe(0);
  });

  it('sends at most 500 events per batch by default', async () => {
    const { outbox, batches } = makeOutbox(storeAll);
    for (let i = 0; i < 1_200; i++) outbox.add(event(`e${i}`));
    await vi.advanceTimersByTimeAsync(1_100);
    expect(batches().map((b) => b.length)).toEqual([500, 500, 200]);
    expect(new Set(batches().flat()).size).toBe(1_200);
  });

  it('sends only the latest value of a dwell event re-added with the same id before the flush', async () => {
    const { outbox, send, batches } = makeOutbox(storeAll);
    outbox.add({ ...event('pv1:ad1:dwell'), type: 'dwell', dwellMs: 1_000 });
    outbox.add(event('e1'));
    outbox.add({ ...event('pv1:ad1:dwell'), type: 'dwell', dwellMs: 2_500 });
    expect(outbox.size).toBe(2);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(batches()).toEqual([['pv1:ad1:dwell', 'e1']]);
    expect(send.mock.calls[0]![0][0]).toMatchObject({ type: 'dwell', dwellMs: 2_500 });
  });

  it('a dwell re-added with the same id while its batch is in flight is sent again with the newer value', async () => {
    const first = deferred<SendResult>();
    const { outbox, send, batches } = makeOutbox(storeAll);
    send.mockImplementationOnce(() => first.promise);
    const dwell = (dwellMs: number): AdEvent => ({ ...event('pv1:ad1:dwell'), type: 'dwell', dwellMs });
    outbox.add(dwell(1_000));
    outbox.add(event('e1'));
    const flushing = outbox.flush();
    expect(batches()).toEqual([['pv1:ad1:dwell', 'e1']]);

    const grown = dwell(2_500);
    outbox.add(grown); // the dwell grew while the first batch is in flight
    first.resolve({ stored: ['pv1:ad1:dwell', 'e1'], rejected: [] });
    await flushing;
    // The acknowledgement was for the 1 000 ms value: the 2 500 ms one is still pending.
    expect(outbox.size).toBe(1);
    // Sent with the next regular flush, scheduled when it was added.
    await vi.advanceTimersByTimeAsync(1_000);
    expect(batches()).toEqual([['pv1:ad1:dwell', 'e1'], ['pv1:ad1:dwell']]);
    expect(send.mock.calls[0]![0][0]).toMatchObject({ dwellMs: 1_000 });
    expect(send.mock.calls[1]![0]).toEqual([grown]);
    expect(outbox.size).toBe(0);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('does not send a batch twice while a send is in flight', async () => {
    const first = deferred<SendResult>();
    const { outbox, send, batches } = makeOutbox(storeAll);
    send.mockImplementationOnce(() => first.promise);
    outbox.add(event('e1'));
    const flushing = outbox.flush();
    expect(send).toHaveBeenCalledTimes(1);

    outbox.add(event('e2'));
    const again = outbox.flush();
    await vi.advanceTimersByTimeAsync(4_000);
    expect(send).toHaveBeenCalledTimes(1);
    let settled = false;
    void again.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);

    first.resolve({ stored: ['e1'], rejected: [] });
    await flushing;
    await again;
    expect(batches()).toEqual([['e1']]);
    await vi.advanceTimersByTimeAsync(1);
    expect(batches()).toEqual([['e1'], ['e2']]);
    expect(outbox.size).toBe(0);
  });

  it('gives up a send that never settles (a page entering the back/forward cache) and delivers on retry', async () => {
    const { outbox, send, batches } = makeOutbox(storeAll);
    send.mockImplementationOnce(() => new Promise<SendResult>(() => {}));
    outbox.add(event('e1'));
    void outbox.flush();
    expect(send).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(4_999);
    expect(send).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1 + 1_000);
    expect(send).toHaveBeenCalledTimes(2);
    expect(batches().at(-1)).toEqual(['e1']);
    expect(outbox.size).toBe(0);
  });
});

describe('Outbox.handOver (pagehide)', () => {
  it('sends everything pending at once, synchronously, even while a batch waits for its answer', async () => {
    const inFlight = deferred<SendResult>();
    const { outbox, send, batches } = makeOutbox(storeAll);
    send.mockImplementationOnce(() => inFlight.promise);
    outbox.add(event('e1'));
    void outbox.flush();
    outbox.add(event('click'));
    outbox.add(event('dwell'));
    // An ordinary flush waits for the batch in flight, an answer a page left for another site never gets.
    void outbox.flush();
    expect(batches()).toEqual([['e1']]);
    outbox.handOver();
    expect(batches()).toEqual([['e1'], ['e1', 'click', 'dwell']]);
    await vi.advanceTimersByTimeAsync(0);
    expect(outbox.size).toBe(0);
  });

  it('sends while a retry waits out its backoff', async () => {
    const { outbox, send, batches } = makeOutbox(storeAll);
    send.mockRejectedValueOnce(new Retryable('worker asleep'));
    outbox.add(event('e1'));
    await vi.advanceTimersByTimeAsync(1000);
    expect(batches()).toEqual([['e1']]);
    outbox.add(event('e2'));
    outbox.handOver();
    expect(batches()).toEqual([['e1'], ['e1', 'e2']]);
  });

  it('sends in batches of maxBatch', () => {
    const { outbox, batches } = makeOutbox(storeAll, { maxBatch: 2 });
    for (const id of ['a', 'b', 'c', 'd', 'e']) outbox.add(event(id));
    outbox.handOver();
    expect(batches()).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
  });

  it('keeps pending what was not acknowledged (a page restored from the back/forward cache sends it again)', async () => {
    const { outbox, send, batches } = makeOutbox(storeAll);
    send.mockImplementationOnce(async (events) => ({ stored: [events[0]!.id], rejected: [] }));
    outbox.add(event('e1'));
    outbox.add(event('e2'));
    outbox.handOver();
    await vi.advanceTimersByTimeAsync(0);
    expect(outbox.size).toBe(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(batches()).toEqual([['e1', 'e2'], ['e2']]);
    expect(outbox.size).toBe(0);
  });

  it('a failed hand-over loses nothing that is still pending, and sends nothing once stopped', async () => {
    const { outbox, send } = makeOutbox(storeAll);
    send.mockRejectedValueOnce(new Retryable('gone'));
    outbox.add(event('e1'));
    outbox.handOver();
    await vi.advanceTimersByTimeAsync(0);
    expect(outbox.size).toBe(1);
    outbox.stop();
    send.mockClear();
    outbox.handOver();
    expect(send).not.toHaveBeenCalled();
  });
});
