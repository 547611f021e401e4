/**
 * "Impressions vs CTR": one point per site, advertiser or creative, impressions on a log axis and CTR up,
 * with a line at all ads' CTR and one at the median impressions, the four quadrants named in plain words,
 * My ads drawn on top and listed first, and a ring only where the 95% interval of a point's CTR excludes
 * all ads' (the Reading column's decision, common/ctr-interval.ts `readingOf`). The table under it holds
 * the same points, for screen readers and for exact numbers.
 *
 * Drawn as an SVG by preact rather than by uPlot: each point is an element with its own tooltip, ring and
 * data attributes (the e2e test reads them), the quadrant words and reference lines are text and lines in
 * the same coordinates, and the scales are pure functions (scatter-scale.ts). uPlot draws series over
 * one x axis on a canvas; a scatter with a log axis, labels and per-point marks would be plugins drawing
 * on that canvas, invisible to tests and to assistive technology.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { MIN_IMPRESSIONS_TO_COMPARE } from '../common/ctr-interval';
import type { Reading } from '../common/ctr-interval';
import type { Frequency } from '../common/frequency';
import { formatCount, formatPercent } from '../common/format';
import { watchMatcher } from '../common/watchlist';
import type { WatchedAd, WatchEntry } from '../common/watchlist';
import { READING_WORDS } from '../ui/metric-help';
import { CountsTable } from './counts-table';
import type { Loadable, Top } from './dashboard-view';
import { UNKNOWN_LABELS } from './filters';
import { drawOrder, insightPoints } from './insight-points';
import type { InsightItem, InsightPoint } from './insight-points';
import { logAxis, percentAxis } from './scatter-scale';
import { ALL_ROWS } from './top-rows';

export type InsightItems = 'site' | 'advertiser' | 'creative';
const ITEM_CHOICES: readonly { id: InsightItems; label: string; key: string }[] = [
  { id: 'site', label: 'Sites', key: 'Site' },
  { id: 'advertiser', label: 'Advertisers', key: 'Advertiser' },
  { id: 'creative', label: 'Creatives', key: 'Creative' },
];

/** What each quadrant means for an advertiser, after the reading's own words. */
const QUADRANT_MEANING: Record<Reading, string> = {
  'widely-seen-not-compelling': 'not compelling',
  'small-engaged-audience': 'targeted',
  'widely-seen-compelling': 'working',
  'rarely-seen-not-compelling': 'little reach or interest',
};

export const quadrantWords = (reading: Reading) => `${READING_WORDS[reading]}: ${QUADRANT_MEANING[reading]}`;

const WIDTH = 720;
const HEIGHT = 340;
// Room at the right for the last tick's label ("10,000" is centred on the axis's end).
const PLOT = { left: 58, right: WIDTH - 30, top: 14, bottom: HEIGHT - 46 };
/** The bands at the top and bottom of the frame that hold the quadrants' words. */
const BAND = 26;

export function InsightChart({
  tops,
  frequency,
  watchlist,
  watchedSites,
  overallCtr,
  onShowAll,
}: {
  tops: { site: Loadable<Top>; advertiser: Loadable<Top> };
  frequency: Loadable<Frequency>;
  watchlist: WatchEntry[];
  /** The sites My ads were seen on in the range: a site carrying them is one of "my" sites. */
  watchedSites: ReadonlySet<string>;
  /** All ads' CTR in the range (and filter), a fraction; null without impressions, undefined while loading. */
  overallCtr: number | null | undefined;
  onShowAll: (dimension: 'site' | 'advertiser') => void;
}) {
  const [choice, setChoice] = useState<InsightItems>('site');
  const source = choice === 'creative' ? frequency : tops[choice];
  const mine = mineTest(watchlist);
  return (
    <section class="card insight" aria-labelledby="insight-title">
      <div class="insight-head">
        <h2 id="insight-title">Impressions vs CTR</h2>
        <div class="ranges" role="group" aria-label="Points are">
          {ITEM_CHOICES.map((c) => (
            <button type="button" key={c.id} aria-pressed={c.id === choice} onClick={() => setChoice(c.id)}>
              {c.label}
            </button>
          ))}
        </div>
      </div>
      {source.status === 'loading' || overallCtr === undefined ? (
        <p class="note">Loading…</p>
      ) : source.status === 'error' ? (
        <p class="note error">Could not read AdTally's data: {source.message}</p>
      ) : overallCtr === null ? (
        <p class="note">No impressions in this range.</p>
      ) : (
        <InsightBody
          choice={choice}
          items={choice === 'creative' ? creativeItems(source.value as Frequency, mine) : keyItems(choice, source.value as Top, mine, watchedSites)}
          overallCtr={overallCtr}
          held={heldNote(choice, source.value as Top | Frequency, onShowAll)}
        />
      )}
    </section>
  );
}

/** Whether an ad is one of My ads: any entry of the watchlist matches it. */
function mineTest(watchlist: WatchEntry[]): (ad: WatchedAd) => boolean {
  const matchers = watchlist.map(watchMatcher);
  return (ad) => matchers.some((m) => m(ad));
}

function keyItems(choice: 'site' | 'advertiser', top: Top, mine: (ad: WatchedAd) => boolean, watchedSites: ReadonlySet<string>): InsightItem[] {
  return top.rows.map((row) => ({
    key: row.key,
    label: row.key || UNKNOWN_LABELS[choice],
    impressions: row.impressions,
    viewable: row.viewable,
    clicks: row.clicks,
    // An advertiser is mine when an entry matches it by domain or name (a landing-URL pattern needs an ad's URL).
    mine: choice === 'site' ? watchedSites.has(row.key) : mine({ advertiser: row.key, landingUrl: null }),
  }));
}

function creativeItems(frequency: Frequency, mine: (ad: WatchedAd) => boolean): InsightItem[] {
  return frequency.top.map((c) => ({
    key: c.fingerprint,
    label: `${c.advertiser ?? UNKNOWN_LABELS.advertiser} · ${c.kind} ${c.width}×${c.height}`,
    impressions: c.impressions,
    viewable: c.viewable,
    clicks: c.clicks,
    mine: mine({ advertiser: c.advertiser ?? '', landingUrl: c.landingUrl }),
  }));
}

/** Which items the chart holds, said under it: the top tables' rows, or the most-seen creatives. */
export function heldNote(choice: InsightItems, value: Top | Frequency, onShowAll: (dimension: 'site' | 'advertiser') => void) {
  if (choice === 'creative') {
    const frequency = value as Frequency;
    return `The ${formatCount(frequency.top.length)} most-seen of ${formatCount(frequency.creatives)} creatives seen in the range, each counted over all time (as in Frequency below).`;
  }
  const top = value as Top;
  const noun = choice === 'site' ? 'sites' : 'advertisers';
  if (top.rows.length >= top.total) return `All ${formatCount(top.total)} ${noun} of the range.`;
  const held = `The ${formatCount(top.rows.length)} ${noun} with most impressions, of ${formatCount(top.total)}.`;
  // Past 10,000 rows "Show all" has nothing more to fetch (top-rows.ts): a list that long is the export's.
  if (top.rows.length >= ALL_ROWS) return held;
  return (
    <>
      {held}{' '}
      <button type="button" class="link" onClick={() => onShowAll(choice)}>
        Show all {formatCount(top.total)}
      </button>
    </>
  );
}

function InsightBody({ choice, items, overallCtr, held }: { choice: InsightItems; items: InsightItem[]; overallCtr: number; held: ComponentChildren }) {
  const { points, overallCtr: overallPercent, medianImpressions, left } = insightPoints(items, overallCtr);
  const keyLabel = ITEM_CHOICES.find((c) => c.id === choice)!.key;
  // Rendered only while open: "Show all" can hold 10,000 rows.
  const [tableOpen, setTableOpen] = useState(false);
  if (points.length === 0) return <p class="note">Nothing with impressions in this range.</p>;
  return (
    <>
      <ScatterPlot points={points} overallPercent={overallPercent} medianImpressions={medianImpressions} />
      <ul class="insight-legend" aria-hidden="true">
        <LegendItem mark="point mine" radius={5} text="My ads" />
        <LegendItem mark="point" radius={4} text="other ads" />
        <LegendItem mark="ring" radius={6} text="CTR clearly above or below all ads' (95%, at least 30 impressions)" />
      </ul>
      <p class="note">
        Dashed lines: all ads' CTR ({formatPercent(overallPercent)}) and the median impressions ({formatCount(medianImpressions)}). A quadrant's words apply only to ringed points.
      </p>
      <p class="note" data-testid="insight-held">
        {held}
        {left > 0 && ` ${formatCount(left)} without impressions cannot be drawn.`}
      </p>
      <details class="insight-table" onToggle={(e) => setTableOpen((e.currentTarget as HTMLDetailsElement).open)}>
        <summary>The points as a table</summary>
        {tableOpen && (
          <CountsTable
            keyLabel={keyLabel}
            rates={false}
            overallCtr={overallCtr}
            testId="insight-table"
            rows={points.map((p) => ({
              key: p.key,
              label: p.mine ? (
                <>
                  {p.label} <span class="mine-tag">my ads</span>
                </>
              ) : (
                p.label
              ),
              title: p.label,
              counts: { impressions: p.impressions, viewable: p.viewable, clicks: p.clicks },
            }))}
          />
        )}
      </details>
    </>
  );
}

/** One mark of the chart and what it means (the table says it for screen readers, so the legend is hidden from them). */
function LegendItem({ mark, radius, text }: { mark: string; radius: number; text: string }) {
  return (
    <li>
      <svg width="14" height="14" viewBox="-7 -7 14 14">
        <circle r={radius} class={mark} />
      </svg>
      {text}
    </li>
  );
}

function ScatterPlot({ points, overallPercent, medianImpressions }: { points: InsightPoint[]; overallPercent: number; medianImpressions: number }) {
  const x = logAxis(
    points.map((p) => p.impressions),
    PLOT.left,
    PLOT.right,
  );
  // 0% and the top CTR sit a band inside the frame: the quadrants' words live in those bands, so no point
  // (0% is common: most keys have no click) is drawn under them.
  const y = percentAxis([...points.map((p) => p.ctr), overallPercent], PLOT.bottom - BAND, PLOT.top + BAND);
  const medianX = x.at(medianImpressions);
  const overallY = y.at(overallPercent);
  return (
    <svg
      class="scatter"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={`Impressions against CTR of ${points.length} points; the table below lists them.`}
      data-testid="insight-chart"
      data-overall-ctr={overallPercent}
      data-median-impressions={medianImpressions}
    >
      <g class="grid">
        <rect x={PLOT.left} y={PLOT.top} width={PLOT.right - PLOT.left} height={PLOT.bottom - PLOT.top} />
        {x.ticks.map((t) => (
          <g key={`x${t}`}>
            <line x1={x.at(t)} x2={x.at(t)} y1={PLOT.top} y2={PLOT.bottom} />
            <text x={x.at(t)} y={PLOT.bottom + 16} text-anchor="middle">
              {formatCount(t)}
            </text>
          </g>
        ))}
        {y.ticks.map((t) => (
          <g key={`y${t}`}>
            <line x1={PLOT.left} x2={PLOT.right} y1={y.at(t)} y2={y.at(t)} />
            <text x={PLOT.left - 6} y={y.at(t) + 4} text-anchor="end">
              {formatPercent(t).replace('.0%', '%')}
            </text>
          </g>
        ))}
      </g>
      <text class="axis-label" x={(PLOT.left + PLOT.right) / 2} y={HEIGHT - 8} text-anchor="middle">
        Impressions (log scale)
      </text>
      <text class="axis-label" transform={`translate(14 ${(PLOT.top + PLOT.bottom) / 2}) rotate(-90)`} text-anchor="middle">
        CTR
      </text>
      <g class="reference">
        <line x1={PLOT.left} x2={PLOT.right} y1={overallY} y2={overallY} data-testid="overall-line" />
        <line x1={medianX} x2={medianX} y1={PLOT.top} y2={PLOT.bottom} data-testid="median-line" />
      </g>
      <g data-testid="insight-points">
        {drawOrder(points).map((p) => (
          <g key={p.key} class="dot" data-key={p.key} data-impressions={p.impressions} data-clicks={p.clicks} data-ctr={p.ctr} data-mine={p.mine} data-flagged={p.reading !== null}>
            <title>{pointTitle(p)}</title>
            {p.reading && <circle class="ring" cx={x.at(p.impressions)} cy={y.at(p.ctr)} r={p.mine ? 10 : 8} />}
            <circle class={p.mine ? 'point mine' : 'point'} cx={x.at(p.impressions)} cy={y.at(p.ctr)} r={p.mine ? 6 : 4.5} />
          </g>
        ))}
      </g>
      {/* The quadrants' words last, over the points, with a halo in the card's colour (CSS) so both stay legible. */}
      <g class="quadrants">
        <text x={PLOT.right - 6} y={PLOT.top + 15} text-anchor="end">
          {quadrantWords('widely-seen-compelling')}
        </text>
        <text x={PLOT.right - 6} y={PLOT.bottom - 6} text-anchor="end">
          {quadrantWords('widely-seen-not-compelling')}
        </text>
        <text x={PLOT.left + 6} y={PLOT.top + 15}>
          {quadrantWords('small-engaged-audience')}
        </text>
        <text x={PLOT.left + 6} y={PLOT.bottom - 6}>
          {quadrantWords('rarely-seen-not-compelling')}
        </text>
      </g>
    </svg>
  );
}

function pointTitle(p: InsightPoint): string {
  const reading = p.reading
    ? `Reading: ${quadrantWords(p.reading)}.`
    : p.impressions < MIN_IMPRESSIONS_TO_COMPARE
      ? `No reading: under ${MIN_IMPRESSIONS_TO_COMPARE} impressions.`
      : 'No reading: its CTR is not clearly different from all ads’ (95%).';
  const interval = `95% interval ${formatPercent(p.interval.low * 100)}–${formatPercent(p.interval.high * 100)}`;
  return `${p.label}${p.mine ? ' (my ads)' : ''}\n${formatCount(p.impressions)} impressions, ${formatCount(p.clicks)} clicks, CTR ${formatPercent(p.ctr)} (${interval})\n${reading}`;
}
