import { describe, expect, it } from 'vitest';
import { mergeRuleEdits } from './rules-merge';

describe('mergeRuleEdits', () => {
  it('appends the lines added elsewhere to the person’s unsaved edits', () => {
    const base = '! mine\na.test##.promo\n';
    const stored = `${base}news.test#@#.house-ad\n`;
    const draft = '! mine\na.test##.promo\nb.test##.box';
    expect(mergeRuleEdits(base, stored, draft)).toEqual({ text: '! mine\na.test##.promo\nb.test##.box\nnews.test#@#.house-ad\n', added: ['news.test#@#.house-ad'] });
  });

  it('adds nothing the draft already has, and leaves the draft as it is when nothing was added', () => {
    expect(mergeRuleEdits('x##.a\n', 'x##.a\ny##.b\n', 'y##.b\n')).toEqual({ text: 'y##.b\n', added: [] });
    expect(mergeRuleEdits('x##.a\n', 'x##.a\n', 'edited')).toEqual({ text: 'edited', added: [] });
  });
});
