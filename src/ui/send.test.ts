import { describe, expect, it } from 'vitest';
import type { sendToBackground, sendToTab } from './send';

/**
 * Compile-time checks: `npx tsc --noEmit` fails if a wrong pairing of type and payload compiles (each
 * `@ts-expect-error` then has no error to expect). The calls never run: the senders need an extension.
 */
export function pairings(send: typeof sendToBackground, tab: ReturnType<typeof sendToTab>): void {
  void send({ type: 'getDailySeries', days: {} });
  // @ts-expect-error getStats needs its tabId
  void send({ type: 'getStats', days: {} });
  // @ts-expect-error getDailySeries has no dimension
  void send({ type: 'getDailySeries', days: {}, dimension: 'site' });
  // @ts-expect-error a content message is not the UI's
  void send({ type: 'events', events: [] });
  void send({ type: 'getTopKeys', dimension: 'site', days: {}, limit: 10 }).then((top) => top.rows);
  // @ts-expect-error getTopKeys answers rows, not a series
  void send({ type: 'getTopKeys', dimension: 'site', days: {}, limit: 10 }).then((top) => top.series);
  void tab('setAudit', { on: null }).then((reply) => reply.on);
  // @ts-expect-error setAudit's `on` is a boolean or null
  void tab('setAudit', { on: 'yes' });
}

describe('UI senders', () => {
  it('are checked by the compiler (see pairings above)', () => {
    expect(typeof pairings).toBe('function');
  });
});
