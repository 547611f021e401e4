/**
 * Frequency: how many creatives were seen once, twice, 3–5 times …, and the most-seen creatives with what
 * found them. A creative is one ad fingerprint (content/attribution/fingerprint.ts).
 */
import type { Frequency } from '../common/frequency';
import type { CellFilter } from '../common/cells';
import { formatCount } from '../common/format';
import type { Creative } from '../common/types';

const date = (time: number) => new Date(time).toLocaleDateString('en-CA');

export function FrequencyPanel({ frequency, filter }: { frequency: Frequency; filter: CellFilter }) {
  return (
    <div class="frequency">
      <p class="note">
        Creatives seen in this range, each counted over all time: {formatCount(frequency.creatives)} creatives, {formatCount(frequency.impressions)} impressions
        {frequency.creatives > 0 && <>, {(frequency.impressions / frequency.creatives).toFixed(1)} per creative on average</>}.
        {filter.site !== undefined && ' The site filter does not apply here: one creative is shown on many sites.'}
      </p>
      {frequency.creatives === 0 ? (
        <p class="note">No creative in this range.</p>
      ) : (
        <div class="frequency-tables">
          <table class="top buckets" data-testid="frequency-buckets">
            <caption>Times each creative was seen</caption>
            <thead>
              <tr>
                <th scope="col">Seen</th>
                <th scope="col">Creatives</th>
                <th scope="col">Impressions</th>
              </tr>
            </thead>
            <tbody>
              {frequency.buckets.map((b) => (
                <tr key={b.label}>
                  <th scope="row">{b.label}</th>
                  <td>{formatCount(b.creatives)}</td>
                  <td>{formatCount(b.impressions)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table class="top creatives" data-testid="top-creatives">
            <caption>Most-seen creatives</caption>
            <thead>
              <tr>
                <th scope="col">Advertiser</th>
                <th scope="col">Kind</th>
                <th scope="col">Network</th>
                <th scope="col">Size</th>
                <th scope="col">Seen</th>
                <th scope="col">Clicks</th>
                <th scope="col">Last seen</th>
                <th scope="col">Rule</th>
              </tr>
            </thead>
            <tbody>
              {frequency.top.map((c) => (
                <CreativeRow key={c.fingerprint} creative={c} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function CreativeRow({ creative: c }: { creative: Creative }) {
  const advertiser = c.advertiser ?? '(not shown by the ad)';
  return (
    <tr>
      <th scope="row" class={c.advertiser ? undefined : 'unknown'} title={`${advertiser}\n${c.landingUrl ?? 'no landing page seen'}\nfingerprint ${c.fingerprint}\nfirst seen ${date(c.firstSeen)}`}>
        {advertiser}
      </th>
      <td>{c.kind}</td>
      <td>{c.network ?? '—'}</td>
      <td>
        {c.width}×{c.height}
      </td>
      <td>{formatCount(c.impressions)}</td>
      <td>{formatCount(c.clicks)}</td>
      <td>{date(c.lastSeen)}</td>
      <td class="rule" title={c.rule}>
        {c.rule}
      </td>
    </tr>
  );
}
