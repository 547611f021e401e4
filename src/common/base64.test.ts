import { describe, expect, it } from 'vitest';
import { base64Of } from './base64';

describe('base64Of', () => {
  it('encodes every byte value, and more bytes than one 32 kB slice, as atob reads them back', () => {
    const bytes = Uint8Array.from({ length: 100_000 }, (_, i) => (i * 7919) & 0xff);
    const decoded = atob(base64Of(bytes));
    expect(decoded.length).toBe(bytes.length);
    expect(Uint8Array.from(decoded, (c) => c.charCodeAt(0))).toEqual(bytes);
    expect(base64Of(Uint8Array.of(0, 255, 128))).toBe('AP+A');
    expect(base64Of(new Uint8Array(0))).toBe('');
  });
});
