import { describe, expect, it } from 'vitest';
import { isSubsequence } from './caption';
import { normaliseLabelText } from './normalise';

// The string helpers of caption matching: pure, so they run in Node (the readers run in the browser tier).
describe('helpers', () => {
  it('isSubsequence', () => {
    expect(isSubsequence('sponsored', 'spxonsoredq')).toBe(true);
    expect(isSubsequence('sponsored', 'sponsoder')).toBe(false);
  });

  it('normaliseLabelText', () => {
    expect(normaliseLabelText('  Spon\u200bSORED \n ')).toBe('sponsored');
    expect(normaliseLabelText('Ｓｐｏｎｓｏｒｅｄ')).toBe('sponsored');
  });
});
