import { describe, expect, it } from 'vitest';
import { cropPlan } from './crop';

const viewport = { width: 1000, height: 800 };

describe('cropPlan', () => {
  it('scales the ad rectangle by the capture over the viewport (device pixel ratio 2)', () => {
    const plan = cropPlan({ x: 100, y: 50, width: 300, height: 250 }, viewport, { width: 2000, height: 1600 }, 2);
    expect(plan).toEqual({ source: { x: 200, y: 100, width: 600, height: 500 }, width: 600, height: 500 });
  });

  it('clips the rectangle to the viewport: the part off screen is not in the capture', () => {
    const plan = cropPlan({ x: -50, y: 700, width: 300, height: 250 }, viewport, { width: 1000, height: 800 }, 1);
    expect(plan?.source).toEqual({ x: 0, y: 700, width: 250, height: 100 });
  });

  it('shrinks a wide ad to 300 CSS px at the pixel ratio, keeping its shape, and never enlarges', () => {
    const wide = cropPlan({ x: 0, y: 0, width: 728, height: 90 }, viewport, { width: 1000, height: 800 }, 1)!;
    expect(wide.width).toBe(300);
    expect(wide.height).toBe(Math.round((90 * 300) / 728));
    const small = cropPlan({ x: 0, y: 0, width: 120, height: 60 }, viewport, { width: 1000, height: 800 }, 1)!;
    expect([small.width, small.height]).toEqual([120, 60]);
  });

  it('uses the capture, not the pixel ratio, for the scale (browser zoom)', () => {
    // 125% zoom at ratio 1: the page reports a viewport of 800 CSS px over a capture of 1000 px.
    const plan = cropPlan({ x: 80, y: 0, width: 160, height: 80 }, { width: 800, height: 640 }, { width: 1000, height: 800 }, 1.25);
    expect(plan?.source).toEqual({ x: 100, y: 0, width: 200, height: 100 });
  });

  it('has nothing to crop for an ad wholly off screen', () => {
    expect(cropPlan({ x: 0, y: 900, width: 300, height: 250 }, viewport, { width: 1000, height: 800 }, 1)).toBeNull();
  });
});
