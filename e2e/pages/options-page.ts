import type { Download, Page } from '@playwright/test';
import type { PageAddress } from '../../src/common/settings';

/** Page object for options.html: privacy settings, export, import and deletion, driven as a person would. */
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
    // Saved when storage.local says so (the page's global `chrome` is the extension API).
    await this.page.waitForFunction(async (v) => {
      const api = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<{ settings?: { pageAddress?: string } }> } } } }).chrome;
      return (await api.storage.local.get('settings')).settings?.pageAddress === v;
    }, value);
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
