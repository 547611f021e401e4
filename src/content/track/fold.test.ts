import { describe, expect, it } from 'vitest';
import { foldAt, viewportBottom } from './fold';

describe('fold', () => {
  it('is above when the ad starts inside the first viewport, below from its bottom edge on', () => {
    const bottom = viewportBottom({ scrollY: 0, innerHeight: 720 });
    expect(foldAt(0, bottom)).toBe('above');
    expect(foldAt(719, bottom)).toBe('above');
    expect(foldAt(720, bottom)).toBe('below');
  });

  it('counts from where the page view started scrolled to', () => {
    const bottom = viewportBottom({ scrollY: 1000, innerHeight: 720 });
    expect(foldAt(1500, bottom)).toBe('above');
    expect(foldAt(1720, bottom)).toBe('below');
  });
});
