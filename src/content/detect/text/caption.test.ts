import { describe, expect, it } from 'vitest';
import { isSubsequence } from './caption';

// The string helper of caption matching: pure, so it runs in Node (the readers run in the browser tier).
describe('helpers', () => {
  it('isSubsequence', () => {
    expect(isSubsequence('sponsored', 'spxonsoredq')).toBe(true);
    expect(isSubsequence('sponsored', 'sponsoder')).toBe(false);
  });
});
