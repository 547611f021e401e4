// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import type { Detection } from '../detect/detect';
import { AdRegistry } from './ad-registry';

function el(id: string): Element {
  const found = document.getElementById(id);
  if (!found) throw new Error(`no #${id}`);
  return found;
}

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
  it('registers a detection as an ad with its rule, kind, network and an id', () => {
    const registry = new AdRegistry();
    const ad = registry.add(detection(el('outer'), 'label:sponsored'));
    expect(ad).toEqual({
      id: 'ad1',
      element: el('outer'),
      rule: 'label:sponsored',
      kind: 'display',
      network: 'Google Ad Manager',
    });
    expect(registry.get(el('outer'))).toBe(ad);
    expect(registry.size).toBe(1);
  });

  it('does not add an element that is, or is inside, a registered ad', () => {
    const registry = new AdRegistry();
    const outer = registry.add(detection(el('outer')));
    expect(outer).not.toBeNull();
    expect(registry.add(detection(el('outer')))).toBeNull();
    expect(registry.add(detection(el('middle')))).toBeNull();
    expect(registry.add(detection(el('img')))).toBeNull();
    expect(registry.get(el('middle'))).toBeUndefined();
    expect(registry.size).toBe(1);
  });

  it('does not add a box that contains a registered ad (a caption added after the slot rendered)', () => {
    const registry = new AdRegistry();
    const inner = registry.add(detection(el('middle')));
    expect(inner).not.toBeNull();
    expect(registry.add(detection(el('outer'), 'label:advertisement'))).toBeNull();
    expect(registry.closest(el('img'))).toBe(inner);
    expect(registry.size).toBe(1);
  });

  it('finds the ad that contains a descendant', () => {
    const registry = new AdRegistry();
    const outer = registry.add(detection(el('outer')));
    const other = registry.add(detection(el('other')));
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
    const ads = elements.map((e) => registry.add(detection(e)));
    const ids = ads.map((a) => a!.id);
    expect(new Set(ids).size).toBe(50);
    expect(registry.size).toBe(50);
    for (const ad of ads) expect(registry.byAdId(ad!.id)).toBe(ad);
    expect(registry.byAdId('ad0')).toBeUndefined();
    expect(registry.byAdId('nope')).toBeUndefined();
  });
});
