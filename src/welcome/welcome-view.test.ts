// @vitest-environment happy-dom
import { h, render } from 'preact';
import { describe, expect, it } from 'vitest';
import { helpParts, METRIC_HELP, WELCOME_METRICS } from '../ui/metric-help';
import { WelcomeView } from './welcome-view';

describe('helpParts', () => {
  it('splits a definition into its name, its meaning and the document it sums up', () => {
    expect(helpParts('ctr')).toEqual({ name: 'CTR', meaning: 'clicks ÷ impressions, with one decimal; — when there were no impressions', source: 'docs/measurement.md' });
    // A text without a document keeps its whole meaning.
    expect(helpParts('seen')).toEqual({ name: 'Seen', meaning: 'impressions of this creative, counted over all time', source: null });
  });
});

describe('WelcomeView', () => {
  it('defines each number with the text of its tooltip', () => {
    const root = document.createElement('div');
    render(h(WelcomeView, {}), root);
    const definitions = [...root.querySelectorAll<HTMLElement>('[data-metric]')];
    expect(definitions.map((d) => d.dataset.metric)).toEqual([...WELCOME_METRICS]);
    for (const d of definitions) {
      const help: string = METRIC_HELP[d.dataset.metric as (typeof WELCOME_METRICS)[number]];
      expect(d.title).toBe(help);
      expect(help.startsWith(`${d.querySelector('dt')!.textContent}: ${d.querySelector('dd')!.textContent}`)).toBe(true);
    }
  });

  it('says what stays local, the one network use, how to pause and where the numbers are', () => {
    const root = document.createElement('div');
    render(h(WelcomeView, {}), root);
    const text = root.textContent!;
    expect(text).toContain('No browsing data leaves your machine');
    expect(text).toContain('Its only network traffic is downloading the filter list');
    expect(text).toContain('Pause on this site');
    // Pictures of the ads are kept locally, and the page says where to turn them off.
    expect(text).toContain('keeps a small picture of each new ad');
    const links = [...root.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual(['options.html#privacy-title', 'options.html#lists-title', 'options.html#tracking-title', 'dashboard.html', 'options.html#data-title']);
  });
});
