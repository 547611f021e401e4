import { describe, expect, it } from 'vitest';
import { detectAds } from '../detect';
import { contextFor, ids, scan, summary } from './test-helpers';

const inFeedAd = (id: string) => `
  <ytd-rich-item-renderer><div id="content"><ytd-ad-slot-renderer id="${id}"><ytd-in-feed-ad-layout-renderer>
    <a href="https://ad.test/${id}"><img alt="" src="data:,"></a><div>Ad title</div>
    <ad-badge-view-model><badge-shape><div class="badge-shape-wiz__text">Sponsored</div></badge-shape></ad-badge-view-model>
  </ytd-in-feed-ad-layout-renderer></ytd-ad-slot-renderer></div></ytd-rich-item-renderer>`;
const video = (id: string, title = 'A video') => `
  <ytd-rich-item-renderer><div id="content"><ytd-rich-grid-media id="${id}"><a href="/watch?v=${id}"><img alt="" src="data:,"></a><div>${title}</div></ytd-rich-grid-media></div></ytd-rich-item-renderer>`;

describe('youtube adapter', () => {
  it('finds in-feed ad slots as native ads and leaves organic videos alone', () => {
    const found = scan(
      'youtube',
      `<div id="contents">${video('v1', 'Is this sponsored?')}${inFeedAd('a1')}${video('v2')}${inFeedAd('a2')}</div>`,
    );
    expect(summary(found)).toEqual([
      ['a1', 'adapter:youtube/feed-ad', 'native', 'YouTube'],
      ['a2', 'adapter:youtube/feed-ad', 'native', 'YouTube'],
    ]);
  });

  it('finds promoted-video renderers of older layouts, outermost only', () => {
    const found = scan(
      'youtube',
      `<ytd-search-pyv-renderer id="pyv"><ytd-promoted-video-renderer><a href="/x">Promoted</a></ytd-promoted-video-renderer></ytd-search-pyv-renderer>
       <ytd-promoted-sparkles-web-renderer id="sparkles"><a href="/y">Shop</a></ytd-promoted-sparkles-web-renderer>
       <ytd-compact-promoted-video-renderer id="compact"><a href="/z">Watch</a></ytd-compact-promoted-video-renderer>
       <ytd-compact-video-renderer id="organic"><a href="/w">Organic</a></ytd-compact-video-renderer>`,
    );
    expect(ids(found)).toEqual(['pyv', 'sparkles', 'compact']);
  });

  it('skips an unfilled, empty ad slot', () => {
    expect(scan('youtube', `<div id="contents">${video('v1')}<ytd-rich-item-renderer><ytd-ad-slot-renderer></ytd-ad-slot-renderer></ytd-rich-item-renderer></div>`)).toEqual([]);
  });

  it('finds the masthead ad and the companion ad as display ads', () => {
    const found = scan(
      'youtube',
      `<div id="masthead-ad"><ytd-ad-slot-renderer><ytd-video-masthead-ad-v3-renderer><a href="/m">Masthead</a></ytd-video-masthead-ad-v3-renderer></ytd-ad-slot-renderer></div>
       <div id="player-ads"><ytd-player-legacy-desktop-watch-ads-renderer id="companion"><a href="/c"><img alt="" src="data:,"></a></ytd-player-legacy-desktop-watch-ads-renderer></div>`,
    );
    expect(summary(found)).toEqual([
      ['masthead-ad', 'adapter:youtube/masthead-ad', 'display', 'YouTube'],
      ['companion', 'adapter:youtube/companion-ad', 'display', 'YouTube'],
    ]);
  });

  it('finds the ad playing in the player (its overlay) as a video ad', () => {
    const found = scan(
      'youtube',
      `<div id="movie_player" class="html5-video-player ad-showing ad-interrupting"><video></video>
         <div class="video-ads ytp-ad-module"><div class="ytp-ad-player-overlay-layout" id="overlay"><span class="ytp-ad-badge">Sponsored</span><button class="ytp-skip-ad-button">Skip</button></div></div></div>`,
    );
    expect(summary(found)).toEqual([['overlay', 'adapter:youtube/player-ad', 'video', 'YouTube']]);
  });

  it('takes a player marked ad-showing without an overlay as the ad', () => {
    const found = scan('youtube', `<div id="movie_player" class="html5-video-player ad-showing"><video></video><div class="ytp-ad-module"></div></div>`);
    expect(summary(found)).toEqual([['movie_player', 'adapter:youtube/player-ad', 'video', 'YouTube']]);
  });

  it('does not take a player without an ad: empty ad module, or a creator video with paid promotion', () => {
    const found = scan(
      'youtube',
      `<div id="movie_player" class="html5-video-player playing-mode"><video></video>
         <div class="ytp-paid-content-overlay"><a href="/help">Includes paid promotion</a></div>
         <div class="video-ads ytp-ad-module"></div></div>
       <div id="description">This video is sponsored by Aurora.</div>`,
    );
    expect(found).toEqual([]);
  });

  it('does not take an ad overlay left in the module but hidden', () => {
    const found = scan(
      'youtube',
      `<div class="html5-video-player"><div class="ytp-ad-module"><div class="ytp-ad-player-overlay-layout" style="display:none"><span>Sponsored</span></div></div></div>`,
    );
    expect(found).toEqual([]);
  });

  it('runs only on YouTube', () => {
    expect(scan('google', inFeedAd('a1'))).toEqual([]);
  });

  it('finds the slot enclosing a scan root inside it, and detectAds reports it with the adapter rule', () => {
    expect(ids(scan('youtube', inFeedAd('a1'), () => document.querySelector('.badge-shape-wiz__text')!))).toEqual(['a1']);
    const found = detectAds(document, contextFor('youtube'));
    expect(summary(found)).toEqual([['a1', 'adapter:youtube/feed-ad', 'native', 'YouTube']]);
  });
});
