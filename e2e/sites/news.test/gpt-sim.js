// Stands in for Google Publisher Tag (securepubads.g.doubleclick.net/tag/js/gpt.js): after the page loads it
// renders each slot as GPT does, a container div and an iframe "google_ads_iframe_<path>_<n>" whose
// creative comes from another origin. Runs late, so AdTally must notice the iframes added after its scan.
(function () {
  var slots = [
    { div: 'div-gpt-ad-1700000000001-0', path: '/21700/ledger/top', creative: 'leaderboard.html', w: 728, h: 90 },
    { div: 'div-gpt-ad-1700000000001-1', path: '/21700/ledger/mid', creative: 'rectangle.html', w: 300, h: 250 },
  ];
  setTimeout(function () {
    slots.forEach(function (slot, i) {
      var host = document.getElementById(slot.div);
      if (!host) return;
      var container = document.createElement('div');
      container.id = 'google_ads_iframe_' + slot.path + '_' + i + '__container__';
      container.style.border = '0pt none';
      var frame = document.createElement('iframe');
      frame.id = 'google_ads_iframe_' + slot.path + '_' + i;
      frame.name = frame.id;
      frame.title = '3rd party ad content';
      frame.width = String(slot.w);
      frame.height = String(slot.h);
      frame.setAttribute('frameborder', '0');
      frame.setAttribute('scrolling', 'no');
      frame.setAttribute('aria-label', 'Advertisement');
      frame.setAttribute('data-load-complete', 'true');
      frame.style.cssText = 'border: 0px; vertical-align: bottom;';
      frame.src = 'http://creatives.adserver.test:__PORT__/creative/' + slot.creative + '?slot=' + encodeURIComponent(slot.path);
      container.appendChild(frame);
      host.appendChild(container);
      host.setAttribute('data-google-query-id', 'CNv' + i + 'x7Q');
    });
  }, 150);
})();
