/**
 * Ground truth for the fixture sites: what the visit in scripts/visit.mjs must record (news.test read to the
 * end with a pause on each ad, the house ad and the AdSense creative clicked; blog.test read at the top for
 * 1.5 s). The popup must show exactly these rows; ad-server and landing-page hosts must never be sites.
 */
export interface ExpectedRow {
  site: string;
  impressions: number;
  viewable: number;
  clicks: number;
  ctr: string;
}

export const EXPECTED_VISIT: ExpectedRow[] = [
  // leaderboard (GPT), sidebar AdSense, in-article GPT, "Advertisement" house ad, each in view >= 1.5 s
  // (viewable); clicks: house ad + AdSense iframe
  { site: 'news.test', impressions: 4, viewable: 4, clicks: 2, ctr: '50.0%' },
  // the "Sponsored" card only, in view 1.5 s: not the display:none AdSense, the collapsed slot, or the
  // never-reached slot
  { site: 'blog.test', impressions: 1, viewable: 1, clicks: 0, ctr: '0.0%' },
];

/** Hosts that serve ads or landing pages: events from their frames belong to the page that shows them. */
export const NEVER_SITES = ['adserver.test', 'creatives.adserver.test', 'shop.test'];
