import type { Page } from '@playwright/test';

export interface TopRow {
  key: string;
  impressions: number;
  viewable: number;
  clicks: number;
  ctr: string;
}

/** Page object for dashboard.html: the range buttons, the range's totals, the chart and the top tables. */
export class DashboardPage {
  constructor(
    readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  async open(range?: '7d' | '30d' | '1y' | 'all'): Promise<void> {
    await this.page.goto(`${this.baseUrl}/dashboard.html${range ? `?range=${range}` : ''}`);
    await this.page.locator('[data-ready="true"]').first().waitFor();
  }

  async totals(): Promise<string> {
    return ((await this.page.getByTestId('range-totals').textContent()) ?? '').replace(/^\s*·\s*/, '').trim();
  }

  /** The rows of the "Top sites" or "Top advertisers" table. */
  async top(title: 'Top sites' | 'Top advertisers'): Promise<TopRow[]> {
    const table = this.page.locator('section.card', { has: this.page.getByRole('heading', { name: title }) }).locator('table.top');
    await table.waitFor();
    const rows: TopRow[] = [];
    for (const tr of await table.locator('tbody tr').all()) {
      const cells = (await tr.locator('th, td').allTextContents()).map((t) => t.trim());
      rows.push({ key: cells[0]!, impressions: Number(cells[1]!.replace(/,/g, '')), viewable: Number(cells[2]!.replace(/,/g, '')), clicks: Number(cells[3]!.replace(/,/g, '')), ctr: cells[4]! });
    }
    return rows;
  }
}
