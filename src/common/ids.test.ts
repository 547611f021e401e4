import { afterEach, describe, expect, it, vi } from 'vitest';
import { randomId } from './ids';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('randomId', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('has the shape of a version 4, variant 1 UUID', () => {
    for (let i = 0; i < 500; i++) expect(randomId()).toMatch(UUID_V4);
  });

  it('forces the version and variant bits whatever the random bytes are', () => {
    const fill = (value: number) =>
      vi.spyOn(crypto, 'getRandomValues').mockImplementation(<T extends ArrayBufferView | null>(array: T): T => {
        if (array instanceof Uint8Array) array.fill(value);
        return array;
      });
    fill(0xff);
    expect(randomId()).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
    vi.restoreAllMocks();
    fill(0x00);
    expect(randomId()).toBe('00000000-0000-4000-8000-000000000000');
  });

  it('is unique over many calls', () => {
    const ids = new Set(Array.from({ length: 10_000 }, () => randomId()));
    expect(ids.size).toBe(10_000);
  });
});
