/**
 * A sample picture record for tests of the pictures database and its deletions. The image is a stand-in:
 * fake-indexeddb in Node clones plain data only. Imported by tests only.
 */
import type { StoredPicture } from '../background/pictures/db';

export function samplePicture(fingerprint: string, site: string, overrides: Partial<StoredPicture> = {}): StoredPicture {
  return {
    fingerprint,
    site,
    takenAt: 1,
    width: 300,
    height: 250,
    type: 'image/webp',
    bytes: 1000,
    headline: 'h',
    text: 't',
    creativeUrl: null,
    landingUrl: null,
    blob: new Uint8Array([1, 2, 3]) as unknown as Blob,
    ...overrides,
  };
}
