import { describe, expect, it } from 'vitest';
import type { StorageArea } from '../common/stored/stored-key';
import { forgetTabSite, noteTabSite } from './tab-sites';

function memoryArea() {
  const items: Record<string, unknown> = {};
  let writes = 0;
  const area: StorageArea = {
    get: async (keys) => Object.fromEntries((typeof keys === 'string' ? [keys] : keys).filter((key) => key in items).map((key) => [key, items[key]])),
    set: async (added) => {
      writes++;
      Object.assign(items, added);
    },
    remove: async (key) => {
      delete items[key];
    },
  };
  return { area, items, writes: () => writes };
}

describe('the note of each tab site', () => {
  it('is the host and siteOf of the page, written once per host', async () => {
    const { area, items, writes } = memoryArea();
    await noteTabSite(area, 1, 'https://www.dailynews.test/world');
    expect(items).toEqual({ 'tabSite.1': { host: 'www.dailynews.test', site: 'dailynews.test' } });
    await noteTabSite(area, 1, 'https://www.dailynews.test/sport#top');
    expect(writes()).toBe(1);
    await noteTabSite(area, 1, 'https://someone.github.io/');
    expect(items['tabSite.1']).toEqual({ host: 'someone.github.io', site: 'someone.github.io' });
    // Asked again (the popup found no usable note): written again.
    delete items['tabSite.1'];
    await noteTabSite(area, 1, 'https://someone.github.io/', true);
    expect(items['tabSite.1']).toEqual({ host: 'someone.github.io', site: 'someone.github.io' });
  });

  it('is not written for a page without a site, and goes with its tab', async () => {
    const { area, items } = memoryArea();
    await noteTabSite(area, 2, 'chrome://newtab/');
    expect(items).toEqual({});
    await noteTabSite(area, 2, 'http://news.test:8080/');
    await forgetTabSite(area, 2);
    expect(items).toEqual({});
    // A closed tab's id reused later is noted anew.
    await noteTabSite(area, 2, 'http://news.test:8080/');
    expect(items['tabSite.2']).toEqual({ host: 'news.test', site: 'news.test' });
  });
});
