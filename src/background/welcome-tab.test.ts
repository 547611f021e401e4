import { describe, expect, it } from 'vitest';
import { opensWelcome } from './welcome-tab';

describe('opensWelcome', () => {
  it('opens the welcome page on a first install only', () => {
    expect(opensWelcome({ reason: 'install' })).toBe(true);
    // Chromium's and Firefox's other reasons: an update of AdTally, of the browser, of a shared module.
    for (const reason of ['update', 'browser_update', 'chrome_update', 'shared_module_update']) expect(opensWelcome({ reason })).toBe(false);
  });
});
