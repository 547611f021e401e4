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
}
