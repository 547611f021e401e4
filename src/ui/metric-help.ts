/**
 * What each number AdTally shows means, in the words of docs/measurement.md: the one source of every
 * tooltip on a number, so the popup, the dashboard and the docs say the same thing.
 */
export const METRIC_HELP = {
  impressions: 'Impressions: ads at least half on screen while the tab was visible, once per ad per page view.',
  viewable: 'Viewable: impressions that stayed at least half on screen for 1 second without a break (2 seconds for video), the MRC standard.',
  clicks: 'Clicks: your own clicks on an ad or inside its frame, at most one per ad per second.',
  ctr: 'CTR: clicks ÷ impressions. With few impressions it is rough; sorting by CTR ranks by the range the rate surely lies in (95% Wilson interval).',
  dwell: 'Time in view: how long ads were at least half on screen while the tab was visible, added up.',
  averageDwell: 'Average time in view per impression: time in view ÷ impressions.',
} as const;

export type Metric = keyof typeof METRIC_HELP;
