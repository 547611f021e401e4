import { describe, expect, it } from 'vitest';
import { MAX_PICTURE_TEXT } from '../../common/pictures';
import { accepted } from './parsed';
import { parseCreativeSeen, parseGetGallery } from './pictures';

const sighting = {
  type: 'creativeSeen',
  fingerprint: 'fp-0000abcdef1234',
  rect: { x: 10, y: -20, width: 300, height: 250 },
  viewport: { width: 1280, height: 720 },
  devicePixelRatio: 2,
  headline: 'Copper kettles',
  text: 'Hand-made  in\nSheffield',
  creativeUrl: 'https://cdn.test/k.png',
  landingUrl: 'https://kettles.test/?c=1',
};

describe('parseCreativeSeen', () => {
  it('accepts what the content script sends, whitespace collapsed', () => {
    const { type: _, ...payload } = sighting;
    expect(accepted(parseCreativeSeen(sighting))).toEqual({ ...payload, text: 'Hand-made in Sheffield' });
  });

  it('refuses a sighting without a fingerprint, a box or a pixel ratio', () => {
    expect(parseCreativeSeen({ ...sighting, fingerprint: '' }).ok).toBe(false);
    expect(parseCreativeSeen({ ...sighting, fingerprint: 'fp-<img>' }).ok).toBe(false);
    expect(parseCreativeSeen({ ...sighting, rect: { x: 0, y: 0, width: 0, height: 10 } }).ok).toBe(false);
    expect(parseCreativeSeen({ ...sighting, rect: { x: Number.NaN, y: 0, width: 10, height: 10 } }).ok).toBe(false);
    expect(parseCreativeSeen({ ...sighting, viewport: null }).ok).toBe(false);
    expect(parseCreativeSeen({ ...sighting, devicePixelRatio: 0 }).ok).toBe(false);
  });

  it('cuts a hostile page’s text to its limit and keeps only http(s) addresses', () => {
    const parsed = accepted(parseCreativeSeen({ ...sighting, text: 'x'.repeat(5000), headline: 42, creativeUrl: 'javascript:alert(1)', landingUrl: `https://a.test/${'q'.repeat(5000)}` }));
    expect(parsed.text).toHaveLength(MAX_PICTURE_TEXT);
    expect(parsed.headline).toBe('');
    expect(parsed.creativeUrl).toBeNull();
    expect(parsed.landingUrl).toBeNull();
  });
});

describe('parseGetGallery', () => {
  it('reads malformed fields as their defaults: the first page of 24, no watchlist', () => {
    expect(accepted(parseGetGallery({ offset: -3, limit: 'all', watch: 'x' }))).toEqual({ days: {}, filter: {}, offset: 0, limit: 24, watch: null });
  });

  it('caps the page and keeps only valid watchlist entries', () => {
    const parsed = accepted(parseGetGallery({ offset: 48, limit: 10_000, watch: [{ kind: 'domain', value: 'kettles.test' }, { kind: 'nope', value: 1 }] }));
    expect(parsed).toMatchObject({ offset: 48, limit: 200, watch: [{ kind: 'domain', value: 'kettles.test' }] });
  });
});
