import { describe, expect, it } from 'vitest';
import { lastRefreshText, updateFailureText, updateResultText } from './filter-list-words';

const list = { id: 'easylist', name: 'EasyList', version: '202611281500', source: 'https://easylist.to/easylist/easylist.txt', obtained: '2026-11-28T15:00:00.000Z', sha256: 'ab', cosmeticFilters: 23593 };

describe('update results in plain words', () => {
  it('names the new version after a good update', () => {
    expect(updateResultText({ ok: true, info: { ...list, version: '202612051200' } }, [{ ...list, bundled: true }])).toBe('Updated: EasyList 202612051200, 23,593 element rules.');
  });

  it('says why an update failed and which list stays in use', () => {
    expect(updateResultText({ ok: false, error: 'Failed to fetch' }, [{ ...list, bundled: true }])).toBe(
      'Could not update. AdTally could not reach easylist.to. Check that this computer is online. AdTally keeps using EasyList 202611281500.',
    );
    expect(updateResultText({ ok: false, error: 'HTTP 503' }, [])).toContain('its built-in rules');
  });

  it('turns the browser’s and server’s words into a person’s', () => {
    expect(updateFailureText('HTTP 503')).toBe('easylist.to answered with an error (HTTP 503).');
    expect(updateFailureText('signal timed out')).toContain('did not answer within 30 seconds');
    expect(updateFailureText('the download is not EasyList')).toContain('was not EasyList');
    expect(updateFailureText('QuotaExceededError')).toBe('The update failed: QuotaExceededError.');
  });
});

describe('the last download in a sentence', () => {
  it('says when a weekly refresh failed, why, and that the list in use stays', () => {
    const text = lastRefreshText({ time: Date.UTC(2026, 11, 1, 9, 30), trigger: 'weekly', ok: false, error: 'getaddrinfo ENOTFOUND easylist.to' }, 'en-GB');
    expect(text).toMatch(/^Last weekly download: .*2026.*, failed\. AdTally could not reach easylist\.to\. .* The list above stays in use\.$/);
    expect(lastRefreshText({ time: Date.UTC(2026, 11, 1), trigger: 'manual', ok: true, error: null }, 'en-GB')).toMatch(/^Last download \(Update now\): .*, succeeded\.$/);
  });
});
