// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { ancestorOrSelf, outermostRoots, partition, sizeOf } from './scan-roots';

beforeEach(() => {
  document.body.innerHTML = '';
});

function el(html: string): Element {
  const box = document.createElement('div');
  box.innerHTML = html;
  const first = box.firstElementChild!;
  document.body.append(first);
  return first;
}

const ids = (els: Iterable<{ root: Element } | Element>) => [...els].map((x) => ('root' in x ? x.root : x).id);

describe('partition', () => {
  it('keeps a root whole when it holds at most max elements', () => {
    const root = el('<div id="r"><p id="a"><b></b></p><p id="b"></p></div>');
    expect(sizeOf(root)).toBe(4);
    expect(partition(root, 4)).toEqual([{ root, size: 4 }]);
  });

  it('cuts a bigger root into the largest subtrees of at most max elements, in document order', () => {
    const root = el(`
      <main id="r">
        <section id="s1"><div id="a"><i></i><i></i></div><div id="b"><i></i></div></section>
        <div id="c"><i></i></div>
        <section id="s2"><div id="d"></div><div id="e"><i></i><i></i><i></i></div></section>
      </main>`);
    // s1 holds 6 and s2 holds 7 elements: over 5, so cut; c (2) is whole.
    const chunks = partition(root, 5);
    expect(ids(chunks)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(chunks.map((c) => c.size)).toEqual([3, 2, 2, 1, 4]);
    expect(chunks.every((c) => c.size === sizeOf(c.root))).toBe(true);
  });

  it('gives every element under the root to exactly one chunk, or to none when it is a container above them', () => {
    const root = el('<div id="r"></div>');
    let html = '';
    for (let i = 0; i < 40; i++) html += `<section><div class="unit"><a href="/${i}"><img></a></div>${i % 3 ? '<p>x</p>' : ''}</section>`;
    root.innerHTML = `<div class="wrap">${html}</div>`;
    const chunks = partition(root, 7);
    const covered = new Map<Element, number>();
    for (const { root: c } of chunks) for (const e of [c, ...c.querySelectorAll('*')]) covered.set(e, (covered.get(e) ?? 0) + 1);
    expect([...covered.values()].every((n) => n === 1)).toBe(true);
    const outside = [...root.querySelectorAll('*')].filter((e) => !covered.has(e));
    expect(outside.map((e) => e.className)).toEqual(['wrap']);
    expect(chunks.every((c) => c.size <= 7)).toBe(true);
  });

  it('cuts a chain nested a thousand deep without recursion, down to its last max elements', () => {
    const root = el('<div id="r"></div>');
    let inner = root;
    for (let i = 0; i < 1000; i++) inner = inner.appendChild(document.createElement('div'));
    inner.id = 'deepest';
    const chunks = partition(root, 10);
    expect(chunks).toHaveLength(1);
    expect(chunks[0]!.size).toBe(10);
    expect(chunks[0]!.root.querySelector('#deepest')).not.toBeNull();
  });

  it('makes single elements of children too big to keep and too small to cut further', () => {
    const root = el('<ul id="r"></ul>');
    root.innerHTML = Array.from({ length: 30 }, (_, i) => `<li id="i${i}"></li>`).join('');
    expect(partition(root, 10)).toHaveLength(30);
  });
});

describe('ancestorOrSelf', () => {
  it('tells whether the element or an ancestor passes, testing each element once', () => {
    const root = el('<div id="ad"><section><p id="p1"></p><p id="p2"></p></section></div>');
    const other = el('<div><span id="s"></span></div>');
    const tested: Element[] = [];
    const inside = ancestorOrSelf((e) => {
      tested.push(e);
      return e.id === 'ad';
    });
    expect(inside(root.querySelector('#p1')!)).toBe(true);
    expect(inside(root.querySelector('#p2')!)).toBe(true);
    expect(inside(root)).toBe(true);
    expect(inside(other.querySelector('#s')!)).toBe(false);
    expect(inside(other)).toBe(false);
    // p1, section, ad; then p2 (section is remembered); then s, its div, body, html.
    expect(tested.map((e) => e.id || e.tagName.toLowerCase())).toEqual(['p1', 'section', 'ad', 'p2', 's', 'div', 'body', 'html']);
  });
});

describe('outermostRoots', () => {
  it('keeps the elements with no ancestor in the set', () => {
    const root = el('<div id="a"><div id="b"><i id="c"></i></div></div>');
    const d = el('<div id="d"><i id="e"></i></div>');
    const set = new Set([root.querySelector('#c')!, root.querySelector('#b')!, d.querySelector('#e')!, d]);
    expect(ids(outermostRoots(set)).sort()).toEqual(['b', 'd']);
    expect(ids(outermostRoots(new Set([root.querySelector('#c')!, root])))).toEqual(['a']);
  });
});
