import type { Page } from '@playwright/test';

export interface PopupRow {
  site: string;
  impressions: number;
  viewable: number;
  clicks: number;
  ctr: string;
  current: boolean;
}

/** Page object for popup.html: reads its table the way other tools do, by header text. */
export class PopupPage {
  constructor(
    readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  /** Opens the popup as it would show for the given tab (or with no tab). */
  async open(tabId?: number): Promise<void> {
    await this.page.goto(`${this.baseUrl}/popup.html${tabId ? `?tab=${tabId}` : ''}`);
    await this.page.locator('table.stats, .note:not(:has-text("Loading"))').first().waitFor();
  }

  async headers(): Promise<string[]> {
    return (await this.page.locator('table.stats thead th').allTextContents()).map((t) => t.trim());
  }

  async rows(): Promise<PopupRow[]> {
    // The first screen renders the first rows only; the table is busy until every row is in.
    await this.page.locator('section[aria-label="All sites"][aria-busy="true"]').waitFor({ state: 'detached' });
    const headers = await this.headers();
    if (headers.length === 0) return [];
    const col = (name: string) => headers.indexOf(name);
    const rows: PopupRow[] = [];
    for (const tr of await this.page.locator('table.stats tbody tr').all()) {
      const cells = (await tr.locator('th, td').allTextContents()).map((t) => t.trim());
      const num = (name: string) => Number((cells[col(name)] ?? '').replace(/,/g, ''));
      rows.push({
        site: cells[col('Site')] ?? '',
        impressions: num('Impressions'),
        viewable: num('Viewable'),
        clicks: num('Clicks'),
        ctr: cells[col('CTR')] ?? '',
        current: (await tr.getAttribute('aria-current')) === 'page',
      });
    }
    return rows;
  }

  async setRange(label: 'Today' | '7 days' | '30 days' | 'All time'): Promise<void> {
    await this.page.getByRole('group', { name: 'Date range' }).getByRole('button', { name: label }).click();
    await this.page.locator(`.range button[aria-pressed=true]`, { hasText: label }).waitFor();
    // The rows of the new range have arrived when the table is no longer busy.
    await this.page.locator('section[aria-label="All sites"][aria-busy="false"]').waitFor();
  }

  /** Clicks a column header (again: the other way) and returns its aria-sort afterwards. */
  async sortBy(column: 'Site' | 'Impressions' | 'Viewable' | 'Clicks' | 'CTR'): Promise<string | null> {
    await this.page.locator('table.stats thead th').filter({ hasText: column }).getByRole('button').click();
    return this.page.locator('table.stats thead th').filter({ hasText: column }).getAttribute('aria-sort');
  }

  async search(text: string): Promise<void> {
    await this.page.getByRole('searchbox', { name: 'Search sites' }).fill(text);
  }

  /** The current site's card as label → value, or null when there is none. */
  async card(): Promise<Record<string, string> | null> {
    const card = this.page.getByTestId('site-card');
    if ((await card.count()) === 0) return null;
    const entries: [string, string][] = [['site', ((await card.locator('h2').textContent()) ?? '').trim()]];
    for (const item of await card.locator('dl > div').all()) {
      entries.push([((await item.locator('dt').textContent()) ?? '').trim(), ((await item.locator('dd').textContent()) ?? '').trim()]);
    }
    return Object.fromEntries(entries);
  }

  async pauseOnThisSite(paused: boolean): Promise<void> {
    await this.page.getByTestId('site-card').getByLabel('Pause on this site').setChecked(paused);
  }

  async pauseEverywhere(paused: boolean): Promise<void> {
    await this.page.getByLabel('Pause everywhere').setChecked(paused);
  }

  async setAudit(on: boolean): Promise<void> {
    const box = this.page.getByTestId('site-card').getByLabel('Audit this page', { exact: false });
    await box.setChecked(on);
  }
}
