import { describe, expect, it } from 'vitest';
import { wholeNumberOf } from './parsed';

describe('wholeNumberOf', () => {
  it('keeps whole numbers from the floor up, cuts them at the cap, and reads anything else as the default', () => {
    expect(wholeNumberOf(1, 1, 10, 100)).toBe(1);
    expect(wholeNumberOf(0, 0, 5, 100)).toBe(0);
    expect(wholeNumberOf(100, 1, 10, 100)).toBe(100);
    expect(wholeNumberOf(101, 1, 10, 100)).toBe(100);
    for (const junk of [0, -1, 2.5, Number.NaN, Number.POSITIVE_INFINITY, '5', null, undefined, {}]) expect(wholeNumberOf(junk, 1, 10, 100)).toBe(10);
  });
});
