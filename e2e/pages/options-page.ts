import type { Download, Page } from '@playwright/test';
import type { PageAddress, Settings, TrackingScope } from '../../src/common/settings';

const SCOPE_LABELS: Record<TrackingScope, string> = {
  all: 'All sites',
  allow: 'Only sites on my allow list',
  deny: 'All sites except my deny list',
};

export interface ShownFilterList {
  name: string;
  version: string;
  source: string;
  obtained: string;
  rules: string;
}

/**
 * Page object for options.html: where to count ads, filter lists, the user's rules, privacy settings,
 * export, import and deletion, driven as a person would.
 */
export class OptionsPage {
  constructor(
    readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  async open(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/options.html`);
    await this.page.getByRole('heading', { name: 'Your data' }).waitFor();
    await this.page.getByRole('heading', { name: 'Privacy' }).waitFor();
  }

  async setPageAddress(value: PageAddress): Promise<void> {
    await this.page.locator(`input[name=pageAddress][value=${value}]`).check();
    await this.settingSaved('pageAddress', value);
  }

  /** Waits until storage.local holds this setting value (the page's global `chrome` is the extension API). */
  async settingSaved<K extends keyof Settings>(key: K, value: Settings[K]): Promise<void> {
    await this.page.waitForFunction(
      async ([k, v]) => {
        const api = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<{ settings?: Record<string, unknown> }> } } } }).chrome;
        return JSON.stringify((await api.storage.local.get('settings')).settings?.[k as string]) === JSON.stringify(v);
      },
      [key, value] as const,
    );
  }

  async setScope(scope: TrackingScope): Promise<void> {
    await this.page.getByRole('radio', { name: SCOPE_LABELS[scope], exact: true }).check();
    await this.settingSaved('scope', scope);
  }

  /** Types a domain or address into the shown site list and adds it; resolves to the list afterwards. */
  async addSite(list: 'Allow list' | 'Deny list', text: string): Promise<string[]> {
    const input = this.page.getByLabel(`Add a site to the ${list.toLowerCase()}`);
    await input.fill(text);
    await this.page.getByRole('button', { name: 'Add', exact: true }).click();
    // Added: the field empties. Refused: the list says why.
    const problem = this.page.getByTestId(list === 'Allow list' ? 'allow-list' : 'deny-list').getByRole('alert');
    await Promise.race([problem.waitFor(), this.page.waitForFunction((el) => (el as HTMLInputElement).value === '', await input.elementHandle())]);
    if (await problem.isVisible()) throw new Error((await problem.textContent()) ?? 'not added');
    return this.sites(list);
  }

  async removeSite(site: string): Promise<void> {
    await this.page.getByRole('button', { name: `Remove ${site}` }).click();
    await this.page.getByRole('button', { name: `Remove ${site}` }).waitFor({ state: 'detached' });
  }

  /** The sites on a list as shown. */
  async sites(list: 'Allow list' | 'Deny list'): Promise<string[]> {
    return (await this.page.getByRole('list', { name: list }).locator('li > span').allTextContents().catch(() => [])).map((t) => t.trim());
  }

  /** Each filter list in use as the page shows it. */
  async filterLists(): Promise<ShownFilterList[]> {
    await this.page.getByTestId('filter-list').first().waitFor();
    const lists: ShownFilterList[] = [];
    for (const dl of await this.page.getByTestId('filter-list').all()) {
      const terms = (await dl.locator('dt').allTextContents()).map((t) => t.trim().toLowerCase());
      const values = (await dl.locator('dd').allTextContents()).map((t) => t.trim());
      lists.push(Object.fromEntries(terms.map((t, i) => [t, values[i] ?? ''])) as unknown as ShownFilterList);
    }
    return lists;
  }

  /** Clicks "Update now" and resolves to the result sentence once the download succeeded or failed. */
  async updateFilterListsNow(): Promise<string> {
    await this.page.getByRole('button', { name: 'Update now' }).click();
    const result = this.page.getByTestId('lists-result');
    await result.waitFor({ timeout: 60_000 });
    return (await result.textContent()) ?? '';
  }

  async setWeeklyListUpdates(on: boolean): Promise<void> {
    await this.page.getByLabel('Download the lists again every week').setChecked(on);
    await this.settingSaved('filterListUpdates', on);
  }

  async userRules(): Promise<string> {
    return this.page.getByRole('textbox', { name: 'My rules' }).inputValue();
  }

  /** Replaces the rules text and saves; resolves to the result sentence and the listed line errors. */
  async saveUserRules(text: string): Promise<{ result: string; errors: string[] }> {
    await this.page.getByRole('textbox', { name: 'My rules' }).fill(text);
    await this.page.getByRole('button', { name: 'Save rules' }).click();
    const result = this.page.getByTestId('rules-result');
    await result.waitFor();
    const errors = await this.page.getByTestId('rule-errors').locator('li').allTextContents();
    return { result: (await result.textContent()) ?? '', errors: errors.map((e) => e.trim()) };
  }

  /** The rules text as stored in storage.local. */
  async storedUserRules(): Promise<unknown> {
    return this.page.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome;
      return (await api.storage.local.get('userRules')).userRules;
    });
  }

  /** Clicks an export button and resolves to the downloaded file once the page reports success. */
  async export(button: 'Events (CSV)' | 'Events (NDJSON)' | 'Totals and creatives (JSON)'): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: button }).click();
    await this.page.getByTestId('data-result').filter({ hasText: 'Exported' }).waitFor();
    return download;
  }

  /** Imports a file and returns the result sentence and the listed skipped lines. */
  async import(path: string): Promise<{ result: string; skipped: string[] }> {
    await this.page.getByTestId('data-result').filter({ hasText: 'Imported' }).waitFor({ state: 'detached' }).catch(() => {});
    await this.page.locator('input[type=file]').setInputFiles(path);
    const result = this.page.getByTestId('data-result');
    await result.filter({ hasText: /Imported|failed/ }).waitFor();
    const skipped = await this.page.getByTestId('import-errors').locator('li').allTextContents().catch(() => []);
    return { result: (await result.textContent()) ?? '', skipped };
  }

  async deleteSite(site: string): Promise<string> {
    this.page.once('dialog', (dialog) => void dialog.accept());
    await this.page.getByLabel('Site to delete').selectOption(site);
    await this.page.getByRole('button', { name: 'Delete this site’s data' }).click();
    const result = this.page.getByTestId('data-result').filter({ hasText: 'Deleted' });
    await result.waitFor();
    return (await result.textContent()) ?? '';
  }
}
