// @vitest-environment happy-dom
import { h, render } from 'preact';
import { describe, expect, it } from 'vitest';
import { frequencyOf } from '../common/frequency';
import type { Creative } from '../common/types';
import { untitledNumbers } from '../test-support/untitled-numbers';
import { FrequencyPanel } from './frequency-panel';

const creative = (fingerprint: string, impressions: number, clicks: number): Creative => ({
  fingerprint,
  impressions,
  viewable: impressions,
  clicks,
  dwellMs: 1000 * impressions,
  firstSeen: Date.UTC(2026, 10, 2),
  lastSeen: Date.UTC(2026, 11, 1),
  kind: 'display',
  network: 'Google Ad Manager',
  advertiser: 'shoes.example',
  landingUrl: 'https://shoes.example/sale',
  rule: '##.ad-300x250',
  width: 300,
  height: 250,
});

describe('FrequencyPanel', () => {
  it('explains every number with a tooltip: totals, the average, the buckets, sizes, counts and days', () => {
    const frequency = frequencyOf([creative('a', 1, 0), creative('b', 4, 1), creative('c', 12, 2)], {}, 10);
    const root = document.createElement('div');
    render(h(FrequencyPanel, { frequency, filter: {} }), root);
    expect(root.textContent).toContain('5.7 per creative on average');
    expect(untitledNumbers(root)).toEqual([]);
  });
});
