import type { Locator, Page } from '@playwright/test';

/** One point of the impressions-vs-CTR chart, as its SVG element says it. */
export interface InsightDot {
  key: string;
  impressions: number;
  clicks: number;
  ctr: number;
  mine: boolean;
  flagged: boolean;
}

/**
 * Page object for the dashboard's "Impressions vs CTR" card, the days table's rates and the Reading columns
 * of My ads: read from the page's elements as a person (or a screen reader) would meet them. Reads wait until
 * nothing loads (`main[aria-busy=false]`).
 */
export class InsightPanel {
  constructor(readonly page: Page) {}

  private get card(): Locator {
    return this.page.locator('section.insight');
  }

  private async settled(): Promise<void> {
    await this.page.locator('main[aria-busy="false"]').waitFor();
  }

  /** Switches the points between sites, advertisers and creatives. */
  async show(items: 'Sites' | 'Advertisers' | 'Creatives'): Promise<void> {
    await this.card.getByRole('group', { name: 'Points are' }).getByRole('button', { name: items, exact: true }).click();
    await this.settled();
  }

  /** The points in the order they are drawn (the last is on top). */
  async drawn(): Promise<InsightDot[]> {
    await this.settled();
    return this.card.getByTestId('insight-points').locator('g.dot').evaluateAll((dots) =>
      dots.map((dot) => {
        const data = (dot as SVGGElement).dataset;
        return {
          key: data.key!,
          impressions: Number(data.impressions),
          clicks: Number(data.clicks),
          ctr: Number(data.ctr),
          mine: data.mine === 'true',
          flagged: data.flagged === 'true',
        };
      }),
    );
  }

  /** Which points carry a ring on screen (the flag), by key. */
  async ringed(): Promise<string[]> {
    return this.card.getByTestId('insight-points').locator('g.dot:has(circle.ring)').evaluateAll((dots) => dots.map((dot) => (dot as SVGGElement).dataset.key!));
  }

  /** The reference lines' values: all ads' CTR in percent and the median impressions. */
  async references(): Promise<{ overallCtr: number; medianImpressions: number }> {
    const chart = this.card.getByTestId('insight-chart');
    return { overallCtr: Number(await chart.getAttribute('data-overall-ctr')), medianImpressions: Number(await chart.getAttribute('data-median-impressions')) };
  }

  /** The table of the points, opened: each row's key text and its Reading. */
  async table(): Promise<{ key: string; impressions: string; clicks: string; ctr: string; reading: string }[]> {
    const details = this.card.locator('details.insight-table');
    if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator('summary').click();
    return readColumns(this.card.getByTestId('insight-table'), { key: 0, impressions: 'Impressions', clicks: 'Clicks', ctr: 'CTR', reading: 'Reading' });
  }

  /** The days table's rows with their in-view and viewability rates, opened as a person would. */
  async dayRates(): Promise<{ key: string; impressions: string; inView: string; viewability: string }[]> {
    await this.settled();
    const details = this.page.locator('details.days');
    if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator('summary').click();
    return readColumns(details.locator('table'), { key: 0, impressions: 'Impressions', inView: 'In view', viewability: 'Viewability' });
  }

  /** My ads' entries (and "All my ads") with their Reading. */
  async watchReadings(): Promise<Record<string, string>> {
    await this.settled();
    const rows = await readColumns(this.page.getByTestId('watch-entries'), { key: 0, reading: 'Reading' });
    return Object.fromEntries(rows.map((r) => [r.key, r.reading]));
  }

  /** My ads' sites with their Reading. */
  async watchSiteReadings(): Promise<Record<string, string>> {
    await this.settled();
    const rows = await readColumns(this.page.getByTestId('watch-sites'), { key: 0, reading: 'Reading' });
    return Object.fromEntries(rows.map((r) => [r.key, r.reading]));
  }
}

/** A table's body and foot rows, each column found by its header's text (or taken by index). */
async function readColumns<K extends string>(table: Locator, columns: Record<K, string | number>): Promise<Record<K, string>[]> {
  await table.waitFor();
  const heads = (await table.locator('thead th').allTextContents()).map((t) => t.trim());
  const index = Object.fromEntries(Object.entries(columns).map(([name, column]) => [name, typeof column === 'number' ? column : heads.indexOf(column as string)])) as Record<K, number>;
  for (const [name, i] of Object.entries(index)) if ((i as number) < 0) throw new Error(`no column ${String(columns[name as K])} in ${heads.join(', ')}`);
  const rows: Record<K, string>[] = [];
  for (const tr of await table.locator('tbody tr, tfoot tr').all()) {
    const cells = (await tr.locator('th, td').allTextContents()).map((t) => t.trim());
    rows.push(Object.fromEntries(Object.entries(index).map(([name, i]) => [name, cells[i as number] ?? ''])) as Record<K, string>);
  }
  return rows;
}
