import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Runtime } from 'webextension-polyfill';
import type { FilterRule } from '../../common/types';
import { local } from '../../test-support/storage-local';
import { TokenFilter } from '../../common/token-filter';

vi.mock('webextension-polyfill', async () => (await import('../../test-support/storage-local')).polyfill);
// One generic rule for every page: what the engine would give a tracked page.
const GENERIC: FilterRule = { rule: '##.ad-slot', selector: '.ad-slot', extended: null };
vi.mock('../filters/engine', async () => {
  const { FiltersEngine } = await import('@ghostery/adblocker');
  const engine = FiltersEngine.parse('##.ad-slot');
  return { getEngine: () => Promise.resolve({ engine, info: {} }) };
});
vi.mock('../filters/page-rules', () => ({ pageRules: () => [GENERIC] }));

const { deliver } = await import('../router');
const ask = (url: string) =>
  deliver('pageRules', { classes: ['ad-slot'], ids: [], hrefs: [], first: true }, { tab: { url } as never, frameId: 0, id: 'adtally' } as Runtime.MessageSender);

beforeEach(() => {
  for (const key of Object.keys(local)) delete local[key];
});

describe('handlePageRules: the token filter', () => {
  it('comes with the first answer only, and holds the tokens rules are filed under', async () => {
    const first = await ask('https://www.news.test/story');
    const filter = TokenFilter.from(first.tokenFilter)!;
    expect(filter.mayCallForRules('classes', 'ad-slot')).toBe(true);
    expect(filter.mayCallForRules('classes', 'story-card')).toBe(false);
    const later = await deliver('pageRules', { classes: ['x'], ids: [], hrefs: [], first: false }, { tab: { url: 'https://www.news.test/story' } as never, frameId: 0, id: 'adtally' } as Runtime.MessageSender);
    expect(later).not.toHaveProperty('tokenFilter');
  });
});

describe('handlePageRules: tracked or not', () => {
  it('answers rules and tracked on a page AdTally counts on', async () => {
    expect(await ask('https://www.news.test/story')).toMatchObject({ tracked: true, rules: [GENERIC], platform: 'news' });
  });

  it('answers no rules and not tracked while AdTally is paused', async () => {
    local.settings = { paused: true };
    expect(await ask('https://www.news.test/story')).toEqual({ tracked: false, rules: [], userRules: [], platform: 'news' });
  });

  it('answers not tracked on a site paused in scope deny, and tracked on the others', async () => {
    local.settings = { scope: 'deny', pausedSites: ['news.test'] };
    expect(await ask('https://www.news.test/story')).toMatchObject({ tracked: false, rules: [] });
    expect(await ask('https://blog.test/')).toMatchObject({ tracked: true, rules: [GENERIC] });
  });

  it('answers not tracked on a site outside scope allow', async () => {
    local.settings = { scope: 'allow', allowSites: ['blog.test'] };
    expect(await ask('https://www.news.test/story')).toMatchObject({ tracked: false, rules: [] });
    expect(await ask('https://blog.test/')).toMatchObject({ tracked: true });
  });
});
