import type { Locator, Page } from '@playwright/test';
import type { CellDimension } from '../../src/common/cells';
import type { WatchKind } from '../../src/common/watchlist';

export interface TopRow {
  key: string;
  impressions: number;
  viewable: number;
  clicks: number;
  ctr: string;
}

export type TopTitle = 'Top sites' | 'Top advertisers' | 'Top networks' | 'Top kinds';

const WATCH_KIND_LABELS: Record<WatchKind, string> = { domain: 'Advertiser domain', name: 'Name in the domain', url: 'Landing-URL pattern' };
const number = (text: string) => Number(text.replace(/,/g, ''));

/**
 * Page object for dashboard.html, driven as a person would: the range buttons, the filter form and the top
 * tables' rows, "My ads" (watch, remove, the per-site table), the charts and frequency. Every read waits
 * until nothing is loading (`main[aria-busy=false]`).
 */
export class DashboardPage {
  constructor(
    readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  async open(range?: '7d' | '30d' | '1y' | 'all'): Promise<void> {
    await this.page.goto(`${this.baseUrl}/dashboard.html${range ? `?range=${range}` : ''}`);
    await this.settled();
  }

  /** Waits until every part has loaded and the chart has drawn. */
  async settled(): Promise<void> {
    await this.page.locator('main[aria-busy="false"]').waitFor();
    await this.page.locator('[data-testid="daily-chart"][data-ready="true"]').waitFor();
  }

  async pickRange(label: '7 days' | '30 days' | '1 year' | 'All time'): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Range' }).getByRole('button', { name: label }).click();
    await this.settled();
  }

  async totals(): Promise<string> {
    await this.settled();
    return ((await this.page.getByTestId('range-totals').textContent()) ?? '').replace(/^\s*·\s*/, '').trim();
  }

  private section(title: string): Locator {
    return this.page.locator('section.card', { has: this.page.getByRole('heading', { name: title }) });
  }

  /** The rows of a top table. */
  async top(title: TopTitle): Promise<TopRow[]> {
    await this.settled();
    return readRows(this.section(title).locator('table.top'));
  }

  /** One column of a top table, read by its header text: each row's key and that column's text. */
  async topColumn(title: TopTitle, header: string): Promise<Record<string, string>> {
    await this.settled();
    const table = this.section(title).locator('table.top');
    const column = (await table.locator('thead th').allTextContents()).map((t) => t.trim()).indexOf(header);
    const values: Record<string, string> = {};
    for (const tr of await table.locator('tbody tr').all()) {
      const cells = (await tr.locator('th, td').allTextContents()).map((t) => t.trim());
      values[cells[0]!] = cells[column]!;
    }
    return values;
  }

  /** The in-view and viewability rates of each key of a top table. */
  async topRates(title: TopTitle): Promise<Record<string, { inView: string; viewability: string }>> {
    const [inView, viewability] = [await this.topColumn(title, 'In view'), await this.topColumn(title, 'Viewability')];
    return Object.fromEntries(Object.keys(inView).map((key) => [key, { inView: inView[key]!, viewability: viewability[key]! }]));
  }

  /** Sorts a top table by a column, as a person clicks its header (again: the other way). */
  async sortTop(title: TopTitle, column: 'Impressions' | 'Viewable' | 'Clicks' | 'CTR'): Promise<void> {
    await this.section(title).locator('thead').getByRole('button', { name: column, exact: true }).click();
  }

  /** The column a top table is sorted by and which way, from its headers' aria-sort. */
  async topSort(title: TopTitle): Promise<[string, string]> {
    const th = this.section(title).locator('thead th[aria-sort]');
    return [((await th.textContent()) ?? '').trim(), (await th.getAttribute('aria-sort')) ?? ''];
  }

  /** The note saying which rows a sort orders, or null without one. */
  async topCaption(title: TopTitle): Promise<string | null> {
    const caption = this.section(title).locator('table caption');
    return (await caption.count()) > 0 ? ((await caption.textContent()) ?? '').trim() : null;
  }

  /** Clicks a top table's "Show all N" or "Show top 10" and waits for its rows. */
  async toggleShowAll(title: TopTitle, label: RegExp): Promise<void> {
    await this.section(title).getByRole('button', { name: label }).click();
    await this.settled();
  }

  /** Whether the charts draw a point a day or a week, and the count chart's heading. */
  async chartStep(): Promise<[string, string]> {
    await this.settled();
    const step = (await this.page.getByTestId('daily-chart').getAttribute('data-step')) ?? '';
    return [step, ((await this.page.locator('#chart-title').textContent()) ?? '').replace(/·.*/, '').trim()];
  }

  /** Filters by a top table's row, as a person clicks it. */
  async pickTopRow(title: TopTitle, key: string): Promise<void> {
    await this.section(title).locator('tbody th').getByRole('button', { name: key, exact: true }).click();
    await this.settled();
  }

  /** Types filters into the form and applies them; a field not given is emptied. */
  async filter(fields: Partial<Record<CellDimension, string>>): Promise<void> {
    const form = this.page.getByTestId('filter-form');
    for (const d of ['site', 'advertiser', 'network'] as const) await form.getByLabel(d, { exact: false }).fill(fields[d] ?? '');
    await form.getByLabel('Kind').selectOption(fields.kind ?? '');
    await form.getByRole('button', { name: 'Apply' }).click();
    await this.settled();
  }

  async activeFilters(): Promise<string[]> {
    const chips = this.page.getByTestId('active-filters');
    if ((await chips.count()) === 0) return [];
    return (await chips.locator('li > span').allTextContents()).map((t) => t.trim());
  }

  async clearFilters(): Promise<void> {
    await this.page.getByRole('button', { name: 'Clear filters' }).click();
    await this.settled();
  }

  /** Adds a watchlist entry; returns the error shown, or null when it was added. */
  async watch(kind: WatchKind, value: string): Promise<string | null> {
    const form = this.page.getByRole('form', { name: 'Watch an advertiser' });
    await form.getByLabel('What to watch').selectOption(kind);
    await form.getByLabel(WATCH_KIND_LABELS[kind]).fill(value);
    await form.getByRole('button', { name: 'Watch' }).click();
    const error = this.page.locator('#watch-error');
    if (await error.isVisible()) return (await error.textContent())?.trim() ?? '';
    await this.settled();
    return null;
  }

  async unwatch(label: string): Promise<void> {
    await this.page.getByRole('button', { name: `Stop watching ${label}` }).click();
    await this.settled();
  }

  /** "My ads": each watched entry's counts, and the "All my ads" row when there are several. */
  async watchEntries(): Promise<TopRow[]> {
    await this.settled();
    const table = this.page.getByTestId('watch-entries');
    const rows = await readRows(table.locator('tbody'));
    if ((await table.locator('tfoot tr').count()) > 0) rows.push(...(await readRows(table.locator('tfoot'))));
    return rows;
  }

  /** "Where they were seen", for all my ads or, when given, one entry (as the breakdown list names it). */
  async watchSites(entry?: string): Promise<TopRow[]> {
    await this.settled();
    const select = this.page.getByLabel('Sites of');
    if ((await select.count()) > 0) await select.selectOption({ label: entry ?? 'All my ads' });
    const more = this.page.getByRole('button', { name: /^Show all \d+ sites$/ });
    if ((await more.count()) > 0) await more.click();
    return readRows(this.page.getByTestId('watch-sites'));
  }

  async watchNote(): Promise<string> {
    return ((await this.page.locator('.my-ads .source').textContent()) ?? '').trim();
  }

  /** Frequency: [label, creatives, impressions] per bucket. */
  async frequencyBuckets(): Promise<[string, number, number][]> {
    await this.settled();
    const rows = await this.page.getByTestId('frequency-buckets').locator('tbody tr').all();
    const out: [string, number, number][] = [];
    for (const tr of rows) {
      const cells = (await tr.locator('th, td').allTextContents()).map((t) => t.trim());
      out.push([cells[0]!, number(cells[1]!), number(cells[2]!)]);
    }
    return out;
  }

  /** The per-day table under the charts (days with any counts, newest first), opened as a person would. */
  async dayTable(): Promise<TopRow[]> {
    await this.settled();
    const details = this.page.locator('details.days');
    if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator('summary').click();
    return readRows(details.locator('table'));
  }
}

async function readRows(container: Locator): Promise<TopRow[]> {
  await container.waitFor();
  const rows: TopRow[] = [];
  for (const tr of await container.locator('tr').all()) {
    const cells = (await tr.locator('th, td').allTextContents()).map((t) => t.trim());
    if (cells.length < 5 || cells[1] === 'Impressions') continue;
    rows.push({ key: cells[0]!, impressions: number(cells[1]!), viewable: number(cells[2]!), clicks: number(cells[3]!), ctr: cells[4]! });
  }
  return rows;
}
