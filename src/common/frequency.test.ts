import { describe, expect, it } from 'vitest';
import { frequencyOf } from './frequency';
import type { Creative } from './types';

const creative = (fingerprint: string, impressions: number, overrides: Partial<Creative> = {}): Creative => ({
  fingerprint, impressions, viewable: 0, clicks: 0, dwellMs: 0, firstSeen: 1, lastSeen: 2, kind: 'display', network: 'Google Ad Manager', advertiser: 'acme.com', landingUrl: null, rule: 'sig:gpt-div', width: 300, height: 250, ...overrides,
});

describe('frequencyOf', () => {
  const creatives = [creative('a', 1), creative('b', 2), creative('c', 5), creative('d', 6), creative('e', 30, { advertiser: null }), creative('f', 0), creative('g', 3, { kind: 'native' })];

  it('groups creatives by how often each was seen and lists the most seen first', () => {
    const f = frequencyOf(creatives, {}, 3);
    expect(f.buckets.map((b) => [b.label, b.creatives, b.impressions])).toEqual([
      ['1', 1, 1],
      ['2', 1, 2],
      ['3–5', 2, 8],
      ['6–10', 1, 6],
      ['11+', 1, 30],
    ]);
    expect(f.top.map((c) => c.fingerprint)).toEqual(['e', 'd', 'c']);
    expect([f.creatives, f.impressions]).toEqual([6, 47]);
  });

  it('applies the advertiser, network and kind filters; "" picks creatives without an advertiser', () => {
    expect(frequencyOf(creatives, { advertiser: '' }, 10).top.map((c) => c.fingerprint)).toEqual(['e']);
    expect(frequencyOf(creatives, { kind: 'native' }, 10).creatives).toBe(1);
    expect(frequencyOf(creatives, { advertiser: 'acme.com', kind: 'display' }, 10).impressions).toBe(14);
  });
});
