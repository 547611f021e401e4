import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Runtime } from 'webextension-polyfill';
import type { FilterRule } from '../../common/types';
import { local } from '../../test-support/storage-local';

vi.mock('webextension-polyfill', async () => (await import('../../test-support/storage-local')).polyfill);
// One generic rule for every page: what the engine would give a tracked page.
const GENERIC: FilterRule = { rule: '##.ad-slot', selector: '.ad-slot', extended: null };
vi.mock('../filters/engine', () => ({ getEngine: () => Promise.resolve({ engine: {}, info: {} }) }));
vi.mock('../filters/page-rules', () => ({ pageRules: () => [GENERIC] }));

const { deliver } = await import('../router');
const ask = (url: string) =>
  deliver('pageRules', { classes: ['ad-slot'], ids: [], hrefs: [], first: true }, { tab: { url } as never, frameId: 0, id: 'adtally' } as Runtime.MessageSender);

beforeEach(() => {
  for (const key of Object.keys(local)) delete local[key];
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
