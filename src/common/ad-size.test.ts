import { describe, expect, it } from 'vitest';
import { IAB_SIZES, OTHER_SIZE, SIZE_TOLERANCE_PX, sizeClassOf, sizeLabel } from './ad-size';

describe('sizeClassOf', () => {
  it('names every IAB size exactly', () => {
    for (const [w, h] of IAB_SIZES) expect(sizeClassOf(w, h)).toBe(`${w}x${h}`);
  });

  it('takes a side up to the tolerance off, and no further', () => {
    expect(SIZE_TOLERANCE_PX).toBe(2);
    expect(sizeClassOf(302, 248)).toBe('300x250');
    expect(sizeClassOf(726, 92)).toBe('728x90');
    expect(sizeClassOf(303, 250)).toBe(OTHER_SIZE);
    expect(sizeClassOf(300, 253)).toBe(OTHER_SIZE);
    // A slot with a caption above its creative is not the creative's size.
    expect(sizeClassOf(300, 268)).toBe(OTHER_SIZE);
  });

  it('keeps neighbouring sizes apart', () => {
    expect(sizeClassOf(300, 50)).toBe('300x50');
    expect(sizeClassOf(320, 50)).toBe('320x50');
    expect(sizeClassOf(970, 66)).toBe('970x66');
    expect(sizeClassOf(970, 90)).toBe('970x90');
  });

  it('calls native cards, empty boxes and missing sizes other', () => {
    expect(sizeClassOf(640, 160)).toBe(OTHER_SIZE);
    expect(sizeClassOf(0, 0)).toBe(OTHER_SIZE);
    expect(sizeClassOf(Number.NaN, 250)).toBe(OTHER_SIZE);
    expect(sizeClassOf(undefined as unknown as number, undefined as unknown as number)).toBe(OTHER_SIZE);
  });

  it('labels sizes for people', () => {
    expect(sizeLabel('300x250')).toBe('300×250');
    expect(sizeLabel(OTHER_SIZE)).toBe('other size');
  });
});
