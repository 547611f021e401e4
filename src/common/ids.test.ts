import { afterEach, describe, expect, it, vi } from 'vitest';
import { randomId, uuidOf } from './ids';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('randomId', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('has the shape of a version 4, variant 1 UUID', () => {
    for (let i = 0; i < 500; i++) expect(randomId()).toMatch(UUID_V4);
  });

  it('forces the version and variant bits whatever the random bytes are', () => {
    expect(uuidOf(new Uint8Array(20).fill(0xff), 2)).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
    expect(uuidOf(new Uint8Array(16), 0)).toBe('00000000-0000-4000-8000-000000000000');
    expect(uuidOf(Uint8Array.from({ length: 16 }, (_, i) => i * 17), 0)).toBe('00112233-4455-4677-8899-aabbccddeeff');
  });

  it('draws random bytes once per 64 ids, and never gives the same bytes twice', () => {
    const draw = vi.spyOn(crypto, 'getRandomValues');
    const ids = Array.from({ length: 640 }, () => randomId());
    expect(draw.mock.calls.length).toBeGreaterThanOrEqual(10);
    expect(draw.mock.calls.length).toBeLessThanOrEqual(11);
    expect(new Set(ids).size).toBe(640);
  });

  it('is unique over many calls', () => {
    const ids = new Set(Array.from({ length: 10_000 }, () => randomId()));
    expect(ids.size).toBe(10_000);
  });
});
