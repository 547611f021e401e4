// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { cssPath } from './css-path';

beforeEach(() => {
  document.body.innerHTML = `
    <header id="top"><p id="h1">Title</p></header>
    <main id="main">
      <section id="s1"><div id="d1"><span id="x1">a</span><span id="x2">b</span></div></section>
      <section id="s2"><div id="d2"><span id="y1">c</span><span id="y2">d</span><span id="y3">e</span></div></section>
      <p id="p1">one</p><div id="mid"></div><p id="p2">two</p><p id="p3">three</p>
    </main>`;
});

function byId(id: string): Element {
  const el = document.getElementById(id);
  if (!el) throw new Error(`no #${id}`);
  return el;
}

describe('cssPath', () => {
  it('names the html element by its tag alone', () => {
    expect(cssPath(document.documentElement)).toBe('html');
    expect(document.querySelector(cssPath(document.documentElement))).toBe(document.documentElement);
  });

  it('writes each step as tag:nth-child from the root', () => {
    expect(cssPath(document.body)).toBe('html>body:nth-child(2)');
    expect(cssPath(byId('x2'))).toBe('html>body:nth-child(2)>main:nth-child(2)>section:nth-child(1)>div:nth-child(1)>span:nth-child(2)');
  });

  it('resolves back to the same element for nested elements and same-tag siblings', () => {
    const ids = ['top', 'h1', 'main', 's1', 's2', 'd1', 'd2', 'x1', 'x2', 'y1', 'y2', 'y3', 'p1', 'mid', 'p2', 'p3'];
    for (const id of ids) {
      const el = byId(id);
      const path = cssPath(el);
      expect(document.querySelectorAll(path)).toHaveLength(1);
      expect(document.querySelector(path)).toBe(el);
    }
  });

  it('gives every element a different path', () => {
    const all = [document.documentElement, ...document.documentElement.querySelectorAll('*')];
    const paths = all.map(cssPath);
    expect(new Set(paths).size).toBe(all.length);
  });

  it('counts siblings of any tag in nth-child, so p after a div is not confused with the first p', () => {
    // p2 is the 5th child of main (after two sections, p1 and a div), the second <p>.
    expect(cssPath(byId('p2')).endsWith('>p:nth-child(5)')).toBe(true);
    expect(document.querySelector(cssPath(byId('p2')))).not.toBe(byId('p1'));
  });

  it('names a detached element from its own root', () => {
    const box = document.createElement('div');
    box.innerHTML = '<b></b><i></i>';
    const i = box.querySelector('i');
    if (!i) throw new Error('no i');
    expect(cssPath(i)).toBe('div>i:nth-child(2)');
  });
});
