import { describe, expect, it, vi } from 'vitest';
import { ExposureTracker, VIEWABLE_MS, VIEWABLE_VIDEO_MS } from './exposure';
import type { Clock } from './exposure';
import type { Observation } from './impression-rule';

/** A clock the test drives: time moves only in advance(), which runs the timers that fall due, in order. */
class FakeClock implements Clock {
  private time = 0;
  private nextHandle = 0;
  private readonly timers = new Map<number, { at: number; fn: () => void }>();

  now(): number {
    return this.time;
  }

  setTimeout(fn: () => void, ms: number): unknown {
    const handle = ++this.nextHandle;
    this.timers.set(handle, { at: this.time + ms, fn });
    return handle;
  }

  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }

  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      let due: [number, { at: number; fn: () => void }] | null = null;
      for (const entry of this.timers) if (entry[1].at <= end && (!due || entry[1].at < due[1].at)) due = entry;
      if (!due) break;
      this.timers.delete(due[0]);
      this.time = due[1].at;
      due[1].fn();
    }
    this.time = end;
  }

  get pendingTimers(): number {
    return this.timers.size;
  }
}

const obs = (ratio: number, width = 300, height = 250, rendered = true): Observation => ({ ratio, width, height, rendered });
const IN = obs(1);
const OUT = obs(0);

function setup(pageVisible = true) {
  const clock = new FakeClock();
  const onImpression = vi.fn<(adId: string) => void>();
  const onViewable = vi.fn<(adId: string) => void>();
  const tracker = new ExposureTracker(pageVisible, { onImpression, onViewable }, clock);
  return { clock, tracker, onImpression, onViewable };
}

describe('ExposureTracker: impression', () => {
  it('fires once per ad when the impression condition first holds', () => {
    const { tracker, onImpression } = setup();
    tracker.track('ad1', false);
    tracker.observe('ad1', obs(0.2));
    expect(onImpression).not.toHaveBeenCalled();
    expect(tracker.hasImpression('ad1')).toBe(false);
    tracker.observe('ad1', obs(0.6));
    expect(onImpression).toHaveBeenCalledTimes(1);
    expect(onImpression).toHaveBeenCalledWith('ad1');
    expect(tracker.hasImpression('ad1')).toBe(true);
    tracker.observe('ad1', IN);
    expect(onImpression).toHaveBeenCalledTimes(1);
  });

  it('does not fire again after the ad scrolls away and back, or the page is hidden and shown', () => {
    const { clock, tracker, onImpression } = setup();
    tracker.track('ad1', false);
    tracker.observe('ad1', IN);
    clock.advance(100);
    tracker.observe('ad1', OUT);
    clock.advance(100);
    tracker.observe('ad1', IN);
    tracker.setPageVisible(false);
    tracker.setPageVisible(true);
    expect(onImpression).toHaveBeenCalledTimes(1);
  });

  it('tracks ads independently', () => {
    const { tracker, onImpression } = setup();
    for (const id of ['ad1', 'ad2', 'ad3']) tracker.track(id, false);
    tracker.observe('ad1', IN);
    tracker.observe('ad2', obs(0.1));
    tracker.observe('ad3', obs(0.7));
    expect(onImpression.mock.calls.map(([id]) => id)).toEqual(['ad1', 'ad3']);
    expect(tracker.hasImpression('ad2')).toBe(false);
  });

  it('waits for a hidden page to become visible, using the latest observation', () => {
    const { tracker, onImpression } = setup(false);
    tracker.track('ad1', false);
    tracker.track('ad2', false);
    tracker.track('ad3', false);
    tracker.observe('ad1', IN);
    tracker.observe('ad2', obs(0.1));
    tracker.observe('ad3', IN);
    tracker.observe('ad3', OUT); // scrolled away while hidden
    expect(onImpression).not.toHaveBeenCalled();
    tracker.setPageVisible(true);
    expect(onImpression.mock.calls.map(([id]) => id)).toEqual(['ad1']);
  });

  it('does not count an ad that is too small or not rendered', () => {
    const { tracker, onImpression } = setup();
    tracker.track('small', false);
    tracker.track('hidden', false);
    tracker.observe('small', obs(1, 9, 250));
    tracker.observe('hidden', obs(1, 300, 250, false));
    expect(onImpression).not.toHaveBeenCalled();
  });

  it('counts a large ad (970x250) at 30% in view, an ad just under that size not', () => {
    const { tracker, onImpression } = setup();
    tracker.track('large', false);
    tracker.track('under', false);
    tracker.observe('large', obs(0.29, 970, 250));
    expect(onImpression).not.toHaveBeenCalled();
    tracker.observe('large', obs(0.3, 970, 250));
    tracker.observe('under', obs(0.3, 969, 250));
    expect(onImpression.mock.calls.map(([id]) => id)).toEqual(['large']);
  });

  it('ignores observations for an ad it does not track', () => {
    const { clock, tracker, onImpression, onViewable } = setup();
    tracker.observe('ghost', IN);
    clock.advance(5_000);
    expect(onImpression).not.toHaveBeenCalled();
    expect(onViewable).not.toHaveBeenCalled();
    expect(tracker.hasImpression('ghost')).toBe(false);
    expect(tracker.dwellMs('ghost')).toBe(0);
    expect(tracker.dwellReport().size).toBe(0);
    expect(clock.pendingTimers).toBe(0);
    // Tracking it later starts from nothing: the earlier observation was not kept.
    tracker.track('ghost', false);
    clock.advance(5_000);
    expect(onImpression).not.toHaveBeenCalled();
  });

  it('tracking an ad twice keeps its state', () => {
    const { clock, tracker, onImpression, onViewable } = setup();
    tracker.track('ad1', true);
    tracker.observe('ad1', IN);
    clock.advance(500);
    tracker.track('ad1', false); // neither resets the run nor turns the video into a display ad
    clock.advance(VIEWABLE_MS);
    expect(onViewable).not.toHaveBeenCalled();
    clock.advance(VIEWABLE_VIDEO_MS - VIEWABLE_MS - 500);
    expect(onViewable).toHaveBeenCalledTimes(1);
    expect(onImpression).toHaveBeenCalledTimes(1);
    expect(tracker.dwellMs('ad1')).toBe(VIEWABLE_VIDEO_MS);
  });
});

describe('ExposureTracker: viewable', () => {
  it('uses the MRC durations: 1 s, 2 s for video', () => {
    expect(VIEWABLE_MS).toBe(1000);
    expect(VIEWABLE_VIDEO_MS).toBe(2000);
  });

  it('fires after 1000 ms continuously in view, not at 999', () => {
    const { clock, tracker, onViewable } = setup();
    tracker.track('ad1', false);
    tracker.observe('ad1', IN);
    clock.advance(999);
    expect(onViewable).not.toHaveBeenCalled();
    clock.advance(1);
    expect(onViewable).toHaveBeenCalledTimes(1);
    expect(onViewable).toHaveBeenCalledWith('ad1');
  });

  it('needs 2000 ms for a video ad', () => {
    const { clock, tracker, onViewable } = setup();
    tracker.track('video', true);
    tracker.track('display', false);
    tracker.observe('video', IN);
    tracker.observe('display', IN);
    clock.advance(1000);
    expect(onViewable.mock.calls.map(([id]) => id)).toEqual(['display']);
    clock.advance(999);
    expect(onViewable).toHaveBeenCalledTimes(1);
    clock.advance(1);
    expect(onViewable.mock.calls.map(([id]) => id)).toEqual(['display', 'video']);
  });

  it('fires once: not again after the ad leaves and returns for another full run', () => {
    const { clock, tracker, onViewable } = setup();
    tracker.track('ad1', false);
    tracker.observe('ad1', IN);
    clock.advance(1_500);
    tracker.observe('ad1', OUT);
    tracker.observe('ad1', IN);
    expect(clock.pendingTimers).toBe(0);
    clock.advance(5_000);
    expect(onViewable).toHaveBeenCalledTimes(1);
  });

  it('restarts the run when the ad leaves view at 600 ms: 1000 ms more are needed after it returns', () => {
    const { clock, tracker, onViewable } = setup();
    tracker.track('ad1', false);
    tracker.observe('ad1', IN);
    clock.advance(600);
    tracker.observe('ad1', obs(0.4)); // below 50%: out of view
    expect(clock.pendingTimers).toBe(0);
    clock.advance(100);
    tracker.observe('ad1', IN); // t=700
    clock.advance(999); // t=1699: 1600 ms in view in all, but the current run is 999 ms
    expect(onViewable).not.toHaveBeenCalled();
    clock.advance(1); // t=1700
    expect(onViewable).toHaveBeenCalledTimes(1);
  });

  it('stops the run while the page is hidden and restarts it when the page is visible again', () => {
    const { clock, tracker, onViewable } = setup();
    tracker.track('ad1', false);
    tracker.observe('ad1', IN);
    clock.advance(400);
    tracker.setPageVisible(false);
    clock.advance(5_000);
    expect(onViewable).not.toHaveBeenCalled();
    tracker.setPageVisible(true);
    clock.advance(999);
    expect(onViewable).not.toHaveBeenCalled();
    clock.advance(1);
    expect(onViewable).toHaveBeenCalledTimes(1);
  });

  it('keeps a click-implied impression from firing onImpression but still measures viewability', () => {
    const { clock, tracker, onImpression, onViewable } = setup();
    tracker.track('ad1', false);
    expect(tracker.markImpressed('ad1')).toBe(true);
    expect(tracker.hasImpression('ad1')).toBe(true);
    expect(tracker.markImpressed('ad1')).toBe(false);
    tracker.observe('ad1', IN);
    expect(onImpression).not.toHaveBeenCalled();
    clock.advance(1_000);
    expect(onViewable).toHaveBeenCalledTimes(1);
  });
});

describe('ExposureTracker: markImpressed', () => {
  it('returns false for an ad that already made its impression, and for an ad it does not track', () => {
    const { tracker, onImpression } = setup();
    tracker.track('ad1', false);
    tracker.observe('ad1', IN);
    expect(tracker.markImpressed('ad1')).toBe(false);
    expect(tracker.markImpressed('untracked')).toBe(false);
    expect(tracker.hasImpression('untracked')).toBe(false);
    expect(onImpression).toHaveBeenCalledTimes(1);
  });
});

describe('ExposureTracker: dwell', () => {
  it('sums only the time in view across runs, excluding hidden time', () => {
    const { clock, tracker } = setup();
    tracker.track('ad1', false);
    tracker.observe('ad1', IN); // t=0
    clock.advance(600);
    expect(tracker.dwellMs('ad1')).toBe(600); // the run in progress counts
    tracker.observe('ad1', OUT); // t=600: +600
    clock.advance(400);
    expect(tracker.dwellMs('ad1')).toBe(600);
    tracker.observe('ad1', IN); // t=1000
    clock.advance(300);
    tracker.setPageVisible(false); // t=1300: +300
    clock.advance(1_000);
    expect(tracker.dwellMs('ad1')).toBe(900);
    tracker.setPageVisible(true); // t=2300
    clock.advance(200);
    expect(tracker.dwellMs('ad1')).toBe(1_100);
    tracker.observe('ad1', OUT); // t=2500: +200
    clock.advance(10_000);
    expect(tracker.dwellMs('ad1')).toBe(1_100);
  });

  it('reports only the ads with dwell above zero', () => {
    const { clock, tracker } = setup();
    for (const id of ['seen', 'never', 'brief', 'video']) tracker.track(id, id === 'video');
    tracker.observe('seen', IN);
    tracker.observe('never', obs(0.1));
    tracker.observe('video', IN);
    clock.advance(250);
    tracker.observe('brief', IN);
    clock.advance(50);
    tracker.observe('video', OUT);
    expect(tracker.dwellReport()).toEqual(
      new Map([
        ['seen', 300],
        ['brief', 50],
        ['video', 300],
      ]),
    );
    expect(tracker.dwellMs('never')).toBe(0);
  });

  it('reports nothing before any ad was in view', () => {
    const { clock, tracker } = setup();
    tracker.track('ad1', false);
    clock.advance(1_000);
    expect(tracker.dwellReport()).toEqual(new Map());
  });

  it('stop() ends every run and freezes dwell', () => {
    const { clock, tracker, onViewable } = setup();
    tracker.track('ad1', false);
    tracker.track('ad2', false);
    tracker.observe('ad1', IN);
    clock.advance(300);
    tracker.observe('ad2', IN);
    clock.advance(500); // t=800: ad1 800 ms, ad2 500 ms, neither viewable yet
    tracker.stop();
    expect(clock.pendingTimers).toBe(0);
    clock.advance(5_000);
    expect(onViewable).not.toHaveBeenCalled();
    expect(tracker.dwellMs('ad1')).toBe(800);
    expect(tracker.dwellMs('ad2')).toBe(500);
    // Observations after the page view ended start nothing.
    tracker.observe('ad1', obs(0.9));
    clock.advance(5_000);
    expect(tracker.dwellReport()).toEqual(
      new Map([
        ['ad1', 800],
        ['ad2', 500],
      ]),
    );
    expect(onViewable).not.toHaveBeenCalled();
  });
});

describe('ExposureTracker: measured ads', () => {
  function measuredSetup(pageVisible = true) {
    const clock = new FakeClock();
    const calls: string[] = [];
    const tracker = new ExposureTracker(
      pageVisible,
      { onMeasured: (id) => calls.push(`measured ${id}`), onImpression: (id) => calls.push(`impression ${id}`), onViewable: (id) => calls.push(`viewable ${id}`) },
      clock,
    );
    return { clock, tracker, calls };
  }

  it('measures an ad on a visible page once, in view or not, and before its impression', () => {
    const { tracker, calls } = measuredSetup();
    tracker.track('below', false);
    tracker.track('above', false);
    tracker.observe('below', OUT);
    tracker.observe('above', IN);
    tracker.observe('below', OUT);
    expect(calls).toEqual(['measured below', 'measured above', 'impression above']);
  });

  it('waits for the page to be visible, and never measures what no impression could come from', () => {
    const { tracker, calls } = measuredSetup(false);
    for (const id of ['hidden-page', 'tiny', 'bait', 'collapsed']) tracker.track(id, false);
    tracker.observe('hidden-page', OUT);
    expect(calls).toEqual([]);
    tracker.setPageVisible(true);
    expect(calls).toEqual(['measured hidden-page']);
    tracker.observe('tiny', obs(0, 9, 250));
    tracker.observe('collapsed', obs(0, 0, 0));
    tracker.observe('bait', { ...OUT, inPage: false });
    expect(calls).toEqual(['measured hidden-page']);
  });
});

describe('ExposureTracker: the observed box', () => {
  it('is the latest observation’s box, and none before the first or for an empty box', () => {
    const { tracker, onImpression } = setup();
    let boxAtImpression: unknown = null;
    onImpression.mockImplementation((adId) => (boxAtImpression = tracker.observedBox(adId)));
    tracker.track('ad-1', false);
    expect(tracker.observedBox('ad-1')).toBeNull();
    tracker.observe('ad-1', obs(0, 300, 250));
    expect(tracker.observedBox('ad-1')).toEqual({ width: 300, height: 250 });
    tracker.observe('ad-1', obs(1, 320, 100));
    expect(boxAtImpression).toEqual({ width: 320, height: 100 });
    tracker.observe('ad-1', obs(0, 0, 0, false));
    expect(tracker.observedBox('ad-1')).toBeNull();
    expect(tracker.observedBox('never-tracked')).toBeNull();
  });
});

describe('ExposureTracker: measured', () => {
  it('says when an ad is measured, which no later observation undoes', () => {
    const { tracker } = setup();
    tracker.track('ad-1', false);
    expect(tracker.isMeasured('ad-1')).toBe(false);
    tracker.observe('ad-1', { ...obs(0), inPage: false });
    expect(tracker.isMeasured('ad-1')).toBe(false);
    tracker.observe('ad-1', obs(0));
    expect(tracker.isMeasured('ad-1')).toBe(true);
    tracker.observe('ad-1', { ...obs(0), inPage: false });
    expect(tracker.isMeasured('ad-1')).toBe(true);
    expect(tracker.isMeasured('never-tracked')).toBe(false);
  });
});
