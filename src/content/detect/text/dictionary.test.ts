import { describe, expect, it } from 'vitest';
import { wholeDisclosure } from './dictionary';

describe('wholeDisclosure', () => {
  it('is the disclosure a text says as its one caption part, and the same when asked again', () => {
    for (let round = 0; round < 2; round++) {
      expect(wholeDisclosure('Sponsored')?.label).toBe('sponsored');
      expect(wholeDisclosure('  Ad · ')?.label).toBe('ad');
      expect(wholeDisclosure('Close sponsored message')).toBeNull();
      expect(wholeDisclosure('Acme | Ad')).toBeNull();
      expect(wholeDisclosure('Sponsored · acme.com')).toBeNull();
      expect(wholeDisclosure('Reply')).toBeNull();
      expect(wholeDisclosure('')).toBeNull();
    }
  });
});
