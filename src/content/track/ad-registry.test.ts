// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import type { Detection } from '../detect/detect';
import { AdRegistry, identityOf } from './ad-registry';

function el(id: string): Element {
  const found = document.getElementById(id);
  if (!found) throw new Error(`no #${id}`);
  return found;
}

/** A distinct identity per element, as identityOf gives elements without a slot. */
const own = (element: Element): string => `fp-test|${element.id || element.tagName}`;

const detection = (element: Element, rule = 'sig:gpt-div'): Detection => ({
  element,
  rule,
  kind: 'display',
  network: 'Google Ad Manager',
});

beforeEach(() => {
  document.body.innerHTML = `
    <div id="outer"><div id="middle"><a id="deep" href="https://x.example/"><img id="img" src="/a.png"></a></div></div>
    <div id="other"><span id="other-child"></span></div>
    <p id="text">Story</p>`;
});

describe('AdRegistry', () => {
  it('registers a detection as an ad with its rule, kind, network, identity and an id', () => {
    const registry = new AdRegistry();
    const added = registry.add(detection(el('outer'), 'label:sponsored'), 'fp-1|node1');
    expect(added).toEqual({
      ad: {
        id: 'ad1',
        element: el('outer'),
        rule: 'label:sponsored',
        kind: 'display',
        network: 'Google Ad Manager',
        identity: 'fp-1|node1',
      },
      rebound: false,
    });
    expect(registry.get(el('outer'))).toBe(added!.ad);
    expect(registry.size).toBe(1);
  });

  it('does not add an element that is, or is inside, a registered ad', () => {
    const registry = new AdRegistry();
    const outer = registry.add(detection(el('outer')), own(el('outer')));
    expect(outer).not.toBeNull();
    expect(registry.add(detection(el('outer')), own(el('outer')))).toBeNull();
    expect(registry.add(detection(el('middle')), own(el('middle')))).toBeNull();
    expect(registry.add(detection(el('img')), own(el('img')))).toBeNull();
    expect(registry.get(el('middle'))).toBeUndefined();
    expect(registry.size).toBe(1);
  });

  it('does not add a box that contains a registered ad (a caption added after the slot rendered)', () => {
    const registry = new AdRegistry();
    const inner = registry.add(detection(el('middle')), own(el('middle')));
    expect(inner).not.toBeNull();
    expect(registry.add(detection(el('outer'), 'label:advertisement'), own(el('outer')))).toBeNull();
    expect(registry.closest(el('img'))).toBe(inner!.ad);
    expect(registry.size).toBe(1);
  });

  it('finds the ad that contains a descendant', () => {
    const registry = new AdRegistry();
    const outer = registry.add(detection(el('outer')), own(el('outer')))!.ad;
    const other = registry.add(detection(el('other')), own(el('other')))!.ad;
    expect(registry.closest(el('img'))).toBe(outer);
    expect(registry.closest(el('deep'))).toBe(outer);
    expect(registry.closest(el('outer'))).toBe(outer);
    expect(registry.closest(el('other-child'))).toBe(other);
    expect(registry.closest(el('text'))).toBeUndefined();
    expect(registry.closest(document.body)).toBeUndefined();
    expect(registry.closest(null)).toBeUndefined();
  });

  it('gives every ad a unique id and finds ads by id', () => {
    const registry = new AdRegistry();
    const elements = Array.from({ length: 50 }, () => document.body.appendChild(document.createElement('div')));
    const ads = elements.map((e, i) => registry.add(detection(e), `fp-test|node-${i}`)!.ad);
    const ids = ads.map((a) => a.id);
    expect(new Set(ids).size).toBe(50);
    expect(registry.size).toBe(50);
    expect(registry.all()).toEqual(ads);
    for (const ad of ads) expect(registry.byAdId(ad.id)).toBe(ad);
    expect(registry.byAdId('ad0')).toBeUndefined();
    expect(registry.byAdId('nope')).toBeUndefined();
  });
});

describe('AdRegistry: identity across recycled nodes', () => {
  it('rebinds the ad to a new node showing the same identity after the old node was disconnected', () => {
    const registry = new AdRegistry();
    const oldNode = el('outer');
    const first = registry.add(detection(oldNode), 'fp-1|data-index=3')!;
    expect(first.rebound).toBe(false);
    oldNode.remove();
    const newNode = document.body.appendChild(document.createElement('div'));
    const again = registry.add(detection(newNode, 'label:sponsored'), 'fp-1|data-index=3');
    expect(again).not.toBeNull();
    expect(again!.rebound).toBe(true);
    expect(again!.ad).toBe(first.ad);
    expect(again!.ad.id).toBe('ad1');
    expect(again!.ad.element).toBe(newNode);
    expect(registry.get(newNode)).toBe(first.ad);
    expect(registry.get(oldNode)).toBeUndefined();
    expect(registry.closest(oldNode.querySelector('#img'))).toBeUndefined();
    expect(registry.size).toBe(1);
    expect(registry.all()).toEqual([first.ad]);
  });

  it('rebinds the ad to a new node showing the same identity after the old node was released', () => {
    const registry = new AdRegistry();
    const oldNode = el('outer');
    const first = registry.add(detection(oldNode), 'fp-1|data-key=a')!;
    expect(registry.release(oldNode)).toBe(first.ad);
    // The old node is still in the page (its content changed), yet the ad moves to the new node.
    expect(oldNode.isConnected).toBe(true);
    const again = registry.add(detection(el('other')), 'fp-1|data-key=a');
    expect(again).toEqual({ ad: first.ad, rebound: true });
    expect(first.ad.id).toBe('ad1');
    expect(registry.get(el('other'))).toBe(first.ad);
    expect(registry.get(oldNode)).toBeUndefined();
    expect(registry.size).toBe(1);
  });

  it('counts two connected nodes showing the same identity at once as two ads', () => {
    const registry = new AdRegistry();
    const a = registry.add(detection(el('outer')), 'fp-1|data-index=1')!;
    const b = registry.add(detection(el('other')), 'fp-1|data-index=1')!;
    expect(a.rebound).toBe(false);
    expect(b.rebound).toBe(false);
    expect(b.ad).not.toBe(a.ad);
    expect([a.ad.id, b.ad.id]).toEqual(['ad1', 'ad2']);
    expect(registry.get(el('outer'))).toBe(a.ad);
    expect(registry.get(el('other'))).toBe(b.ad);
    expect(a.ad.element).toBe(el('outer'));
    expect(registry.size).toBe(2);
  });

  it('release unlinks the element but keeps the ad findable by id', () => {
    const registry = new AdRegistry();
    const { ad } = registry.add(detection(el('middle')), own(el('middle')))!;
    expect(registry.release(el('middle'))).toBe(ad);
    expect(registry.get(el('middle'))).toBeUndefined();
    expect(registry.closest(el('img'))).toBeUndefined();
    expect(registry.byAdId(ad.id)).toBe(ad);
    expect(registry.all()).toEqual([ad]);
    expect(registry.size).toBe(1);
    // Releasing again, or an element that never was an ad, finds nothing.
    expect(registry.release(el('middle'))).toBeUndefined();
    expect(registry.release(el('text'))).toBeUndefined();
    // The released node no longer blocks detection: a box around it, or new content in it, is a new ad.
    const fresh = registry.add(detection(el('outer')), own(el('outer')))!;
    expect(fresh.rebound).toBe(false);
    expect(fresh.ad.id).toBe('ad2');
    expect(registry.size).toBe(2);
  });
});

describe('identityOf', () => {
  beforeEach(() => {
    document.body.innerHTML = `
      <ul>
        <li data-index="3"><div><div><div id="ad3"></div></div></div></li>
        <li data-index="4"><div><div><div id="ad4"></div></div></div></li>
        <li data-index="5"><div><div><div><div id="too-deep"></div></div></div></div></li>
      </ul>
      <div id="plain-a"></div><div id="plain-b"></div>`;
  });

  it('uses the data-index of an ancestor as the slot', () => {
    expect(identityOf(el('ad3'), 'fp-1')).toBe('fp-1|data-index=3');
    // The element's own key comes before its ancestors'.
    el('ad3').setAttribute('data-id', 'post-9');
    expect(identityOf(el('ad3'), 'fp-1')).toBe('fp-1|data-id=post-9');
  });

  it('differs for a different data-index or a different fingerprint', () => {
    expect(identityOf(el('ad4'), 'fp-1')).toBe('fp-1|data-index=4');
    expect(identityOf(el('ad4'), 'fp-1')).not.toBe(identityOf(el('ad3'), 'fp-1'));
    expect(identityOf(el('ad3'), 'fp-2')).not.toBe(identityOf(el('ad3'), 'fp-1'));
  });

  it('looks no further than 3 ancestors', () => {
    expect(identityOf(el('too-deep'), 'fp-1')).not.toContain('data-index');
  });

  it('without slot attributes, differs per element and is stable for the same element', () => {
    const a = identityOf(el('plain-a'), 'fp-1');
    const b = identityOf(el('plain-b'), 'fp-1');
    expect(a).not.toBe(b);
    expect(a.startsWith('fp-1|')).toBe(true);
    expect(identityOf(el('plain-a'), 'fp-1')).toBe(a);
    expect(identityOf(el('plain-b'), 'fp-1')).toBe(b);
  });
});
