/**
 * Built-in ad signatures: CSS selectors for markup that ad systems put on pages (disclosure words are in
 * text/dictionary.ts).
 * One rule per line; each says what it finds and which fixture proves it (e2e/sites/<host>/, expected counts
 * in e2e/sites/expected.ts). Keep ids stable: they are stored with every event as the rule that found the ad.
 */
import type { AdKind } from '../../common/types';

export interface SelectorSignature {
  id: string;
  selector: string;
  kind: AdKind;
  network: string | null;
}

export const SELECTOR_SIGNATURES: readonly SelectorSignature[] = [
  // AdSense slot: <ins class="adsbygoogle" data-ad-client=…>. Fixture: news.test (sidebar), blog.test (display:none).
  { id: 'adsense-ins', selector: 'ins.adsbygoogle', kind: 'display', network: 'AdSense' },
  // Google Ad Manager (GPT) slot div, id "div-gpt-ad-<n>-<i>". Fixture: news.test (leaderboard, in-article).
  { id: 'gpt-div', selector: 'div[id^="div-gpt-ad"]', kind: 'display', network: 'Google Ad Manager' },
  // GPT's own creative iframe, even when the page's slot div has another id. Proven by detect.browser.test.ts.
  { id: 'gpt-iframe', selector: 'iframe[id^="google_ads_iframe_"]', kind: 'display', network: 'Google Ad Manager' },
  // AdSense's creative iframe "aswift_<n>" outside an ins (auto ads). Proven by unit test detect.browser.test.ts.
  { id: 'adsense-iframe', selector: 'iframe[id^="aswift_"]', kind: 'display', network: 'AdSense' },
  // Media.net's contextual unit renders into a dynamic iframe "_mN_dy_<creative id>" with no src (CNN's and
  // MSN's saved pages). Fixture: www.citytribune.test.
  { id: 'medianet-iframe', selector: 'iframe[id^="_mN_"]', kind: 'display', network: 'Media.net' },
];

/**
 * Hosts that serve ad creatives in iframes; an iframe whose src host is one of these (or a subdomain) is an ad.
 * Proven by unit test detect.browser.test.ts and the fixture www.citytribune.test (every host resolves to the fixture
 * server in the e2e tests).
 */
export const AD_FRAME_HOSTS: ReadonlyArray<readonly [host: string, network: string]> = [
  ['googlesyndication.com', 'Google'], // tpc./pagead2.: AdSense and Ad Manager creatives and SafeFrames
  ['doubleclick.net', 'Google'], // googleads.g.: AdSense ad iframes; ad.: Campaign Manager
  ['googleadservices.com', 'Google'],
  ['amazon-adsystem.com', 'Amazon'],
  ['adnxs.com', 'Xandr'],
  ['criteo.com', 'Criteo'],
  ['criteo.net', 'Criteo'],
  ['taboola.com', 'Taboola'],
  ['outbrain.com', 'Outbrain'],
  ['mgid.com', 'MGID'],
  ['rubiconproject.com', 'Magnite'],
  ['pubmatic.com', 'PubMatic'],
  ['openx.net', 'OpenX'],
  ['adform.net', 'Adform'],
  ['smartadserver.com', 'Equativ'],
  ['yieldmo.com', 'Yieldmo'],
  ['media.net', 'Media.net'],
  ['3lift.com', 'TripleLift'],
  ['disqusads.com', 'Disqus'], // the ads frame atop Disqus comments; disqus.com itself serves the comments
  ['pixanalytics.com', 'PIXNET'], // falcon.pixanalytics.com/ad/embed/<id>: PIXNET blogs' ad frames
];
