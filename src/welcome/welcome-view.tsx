/**
 * The welcome page as a pure render: what AdTally counts (the same texts as every tooltip, ui/metric-help.ts),
 * what stays on this device, the one kind of network traffic, how to pause, and where the numbers are. It
 * links to the other pages by address, so it needs no extension API.
 */
import { helpParts, METRIC_HELP, WELCOME_METRICS } from '../ui/metric-help';

export function WelcomeView() {
  return (
    <main class="welcome">
      <header class="bar">
        <h1>Welcome to AdTally</h1>
        <span class="tagline">the ads you saw and clicked, counted on this device</span>
      </header>
      <p class="lead">
        AdTally finds the ads on the pages you visit and counts them per site, advertiser and network. Browse as usual; the numbers appear in the popup behind the
        AdTally icon in your toolbar.
      </p>

      <section aria-labelledby="counted-title">
        <h2 id="counted-title">What is counted, and how</h2>
        <p class="help">Point at any number in the popup or the dashboard to read the same definition.</p>
        <dl class="definitions" data-testid="definitions">
          {WELCOME_METRICS.map((metric) => {
            const { name, meaning } = helpParts(metric);
            return (
              <div key={metric} data-metric={metric} title={METRIC_HELP[metric]}>
                <dt>{name}</dt>
                <dd>{meaning}</dd>
              </div>
            );
          })}
        </dl>
      </section>

      <section aria-labelledby="local-title">
        <h2 id="local-title">Everything stays on this device</h2>
        <p>
          The ads, the counts and your settings are stored in this browser only. <strong>No browsing data leaves your machine</strong>: AdTally has no account, no
          server and no analytics.
        </p>
        <p>
          To show you the ads themselves, AdTally keeps a small picture of each new ad when it first becomes viewable, cropped to the ad, with its headline and
          addresses. Pictures stay here too, are deleted with their site and are exported only when you ask; turn them off under{' '}
          <a href="options.html#privacy-title">Options › Privacy</a>.
        </p>
        <p>
          Its only network traffic is downloading the filter list that recognises ads, once a week. You can turn that off under{' '}
          <a href="options.html#lists-title">Options › Filter lists</a>.
        </p>
      </section>

      <section aria-labelledby="pause-title">
        <h2 id="pause-title">Pause it where you like</h2>
        <p>
          In the popup, <strong>Pause on this site</strong> stops counting on the site of the current tab, and <strong>Pause everywhere</strong> stops it on every
          site. To count on a few sites only, choose them under <a href="options.html#tracking-title">Options › Where to count ads</a>.
        </p>
      </section>

      <section aria-labelledby="find-title">
        <h2 id="find-title">Where to find your numbers</h2>
        <ul class="places">
          <li>
            <strong>The popup</strong> (the AdTally icon): this site and every site, today, this week, this month or all time.
          </li>
          <li>
            <a href="dashboard.html">The dashboard</a>: charts by day, top sites, advertisers and networks, your own ads, how often each creative was seen, and a gallery of the ads themselves.
          </li>
          <li>
            <a href="options.html#data-title">Options › Your data</a>: export every event as CSV or NDJSON, or the totals as JSON; import; delete a site or everything.
          </li>
        </ul>
      </section>
      <p class="help foot">You can open this page again from the popup (How AdTally counts) or the options page.</p>
    </main>
  );
}
