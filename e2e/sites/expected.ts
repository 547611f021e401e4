/**
 * Ground truth for the fixture sites: what a visit that scrolls news.test to the end, clicks the house ad
 * and the AdSense creative, and loads blog.test without scrolling must record. The popup must show exactly
 * these rows; ad-server and landing-page hosts must never appear as sites.
 */
export interface ExpectedRow {
  site: string;
  impressions: number;
  viewable: number;
  clicks: number;
  ctr: string;
}

export const EXPECTED_VISIT: ExpectedRow[] = [
  // leaderboard (GPT), sidebar AdSense, in-article GPT, "Advertisement" house ad; clicks: house ad + AdSense iframe
  { site: 'news.test', impressions: 4, viewable: 0, clicks: 2, ctr: '50.0%' },
  // the "Sponsored" card only: not the display:none AdSense, the collapsed slot, or the never-reached slot
  { site: 'blog.test', impressions: 1, viewable: 0, clicks: 0, ctr: '0.0%' },
];

/** Hosts that serve ads or landing pages: events from their frames belong to the page that shows them. */
export const NEVER_SITES = ['adserver.test', 'creatives.adserver.test', 'shop.test'];
