/**
 * What each number AdTally shows means and how it is counted, in one place, so that every tooltip (the
 * dashboard's, the popup's) uses the same words. The exact rules are in docs/measurement.md; these texts
 * are its one-line summaries and must stay true to it.
 */
import type { Reading } from '../common/ctr-interval';

export const METRIC_HELP = {
  impressions: 'Impressions: ads at least half on screen (30% for large ads) while the tab was visible, once per ad per page view (docs/measurement.md)',
  viewable: 'Viewable: impressions that stayed in view for 1 s without a break (2 s for video), the MRC viewable rule (docs/measurement.md)',
  clicks: 'Clicks: real clicks on an ad or inside its frame, at most one per ad per 500 ms; synthetic clicks are not counted (docs/measurement.md)',
  ctr: 'CTR: clicks ÷ impressions, with one decimal; — when there were no impressions (docs/measurement.md)',
  timeInView: 'Time in view: how long the ad met the impression rule, summed over the page view; a hidden tab stops the clock (docs/measurement.md)',
  averageDwell: 'Per impression: time in view ÷ impressions, how long an ad stayed in view once it made an impression (docs/measurement.md)',
  measured: 'Measured: ads on a page while it was visible, at least 10×10 px, once per ad per page view, whether or not they came into view (docs/measurement.md)',
  inViewRate: 'In view: measured ads that made an impression ÷ measured ads; n/a for data from before AdTally counted measured ads (docs/measurement.md)',
  viewabilityRate: 'Viewability: measured ads that became viewable ÷ measured ads, the MRC viewable ÷ measurable; n/a for data from before AdTally counted measured ads (docs/measurement.md)',
  pageAds: 'On this page now: ads AdTally found on this page that a person could see, counted or not yet; the number on the toolbar icon',
  creatives: 'Creatives: distinct ads, one per fingerprint (the same image, video or landing page on any site)',
  seen: 'Seen: impressions of this creative, counted over all time',
  lastSeen: "Last seen: the day of this creative's latest stored event, on this device's calendar",
  perCreative: 'Per creative: impressions ÷ creatives, how often the average creative in the range was seen, counted over all time',
  storedBytes: "Stored: the space AdTally's events, totals and settings take in this browser, as the browser estimates it",
  share: 'Share: the impressions of this advertiser ÷ the impressions of all ads in the range (and filter), its share of voice (docs/dashboard.md)',
  siteShare: "Share of site: my ads' impressions on this site ÷ the impressions of all ads on it in the range, their share of voice there (docs/dashboard.md)",
  fold: 'Placement: above the fold when the ad’s top lay within the first screen of its page view (where the page was scrolled to as it started, plus the window’s height), else below; unknown for data from before AdTally recorded it (docs/measurement.md)',
  sizeClass: 'Size: the IAB standard size the ad’s box matches, each side within 2 px, as each event measured it; other size when none does (docs/measurement.md)',
  timeInViewBucket: 'Time in view: how long the ad met the impression rule in its page view, one count per impression with a time-in-view report; each bucket includes its lower bound (docs/measurement.md)',
  bucketShare: 'Share: the impressions in this bucket ÷ the impressions with a time in view in the range',
  bucketTime: 'Total: the time in view of the impressions in this bucket, summed',
  reading:
    'Reading: impressions against clicks, only where at least 30 impressions and a 95% interval make the CTR clearly higher or lower than that of all ads in the range. Seen often means at least the median impressions of the rows shown. Blank: no clear difference (docs/measurement.md)',
} as const;

/** The plain words of each reading (common/ctr-interval.ts `readingOf`). */
export const READING_WORDS: Record<Reading, string> = {
  'widely-seen-not-compelling': 'seen often, clicked rarely',
  'small-engaged-audience': 'clicked often by a small audience',
  'widely-seen-compelling': 'seen often, clicked often',
  'rarely-seen-not-compelling': 'seen rarely, clicked rarely',
};

export type Metric = keyof typeof METRIC_HELP;

/**
 * The numbers the welcome page defines, in the order a person meets them. Each definition there is its
 * METRIC_HELP text, so the welcome page and every tooltip say the same thing (e2e/welcome.spec.ts).
 */
export const WELCOME_METRICS = ['impressions', 'viewable', 'clicks', 'ctr', 'measured', 'inViewRate', 'viewabilityRate', 'timeInView', 'averageDwell'] as const satisfies readonly Metric[];

/** A METRIC_HELP text in its parts: the name before the first colon, the meaning, and the document it sums up. */
export function helpParts(metric: Metric): { name: string; meaning: string; source: string | null } {
  const text: string = METRIC_HELP[metric];
  const colon = text.indexOf(': ');
  const source = /\s\(([\w/.-]+\.md)\)$/.exec(text);
  return {
    name: text.slice(0, colon),
    meaning: text.slice(colon + 2, source ? source.index : undefined),
    source: source ? source[1]! : null,
  };
}

/** The tooltip of one number: what it is, then the definition. */
export function metricTitle(metric: Metric, value?: string): string {
  return value === undefined ? METRIC_HELP[metric] : `${value}. ${METRIC_HELP[metric]}`;
}
