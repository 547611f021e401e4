// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { containerOfLabel, findLabels } from './labels';

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('findLabels', () => {
  it('finds text labels and aria-labels with their normalised label and kind', () => {
    document.body.innerHTML = `
      <div><span id="t">Sponsored</span><p>x</p></div>
      <div id="a" aria-label=" ADVERTISEMENT "><img src="/a.png"></div>
      <div><b id="z">Pro\u200bmoted</b><p>y</p></div>`;
    const found = findLabels(document).map((m) => [m.labelElement.id, m.fromText, m.label, m.kind]);
    expect(found).toEqual([
      ['t', true, 'sponsored', 'native'],
      ['z', true, 'promoted', 'native'],
      ['a', false, 'advertisement', 'display'],
    ]);
  });

  it('includes the root itself when it carries the aria-label', () => {
    document.body.innerHTML = '<div id="root" aria-label="Sponsored"><img src="/x.png"></div>';
    const root = document.getElementById('root')!;
    expect(findLabels(root).map((m) => m.labelElement)).toEqual([root]);
  });

  it('ignores text longer than a label and labels hidden in script-like elements', () => {
    document.body.innerHTML = `
      <p>Sponsored by a very long company name</p>
      <template><span>Sponsored</span></template>
      <script>Sponsored</script>`;
    expect(findLabels(document)).toEqual([]);
  });
});

describe('containerOfLabel', () => {
  it('returns the first ancestor with more than the label branch', () => {
    document.body.innerHTML =
      '<main><div id="card"><div><span id="l">Sponsored</span></div><img src="/x.png"></div></main>';
    const [match] = findLabels(document);
    expect(containerOfLabel(match!)?.id).toBe('card');
  });

  it('returns null when only body or html would hold the label', () => {
    document.body.innerHTML = '<div><div><span>Sponsored</span></div></div><p>Other</p>';
    const [match] = findLabels(document);
    expect(containerOfLabel(match!)).toBeNull();
  });

  it('returns an aria-labelled element with creative content itself, and climbs from one without', () => {
    document.body.innerHTML = `
      <main>
        <div id="ad" aria-label="Advertisement"><a href="https://x.example/">Go</a></div>
        <div id="card"><i aria-label="Advertisement"></i><p>copy</p></div>
      </main>`;
    const matches = findLabels(document);
    const containers = matches.map((m) => containerOfLabel(m, matches.map((x) => x.labelElement))?.id);
    expect(containers).toEqual(['ad', 'card']);
  });

  it('climbs past a header line to the card that holds the creative, but not into a list of ads', () => {
    document.body.innerHTML = `
      <section id="feed">
        <article id="post"><div class="meta"><b>Brand</b><span>Sponsored</span></div><div><a href="https://b.example/"><img src="/p.png"></a></div></article>
        <article id="other"><div class="meta"><b>Brand 2</b><span>Sponsored</span></div><p>text only</p></article>
      </section>`;
    const matches = findLabels(document);
    const containers = matches.map((m) => containerOfLabel(m, matches.map((x) => x.labelElement)));
    expect(containers.map((c) => c?.id || c?.className)).toEqual(['post', 'meta']);
  });

  it('finds the card when the caption sits inside its link', () => {
    document.body.innerHTML = '<ul><li id="item"><a href="https://b.example/"><div><span>Sponsored</span><span>Best deal</span></div></a></li><li><a href="/x">x</a></li></ul>';
    const [match] = findLabels(document);
    expect(containerOfLabel(match!)?.tagName).toBe('A');
  });

  it('ignores a label word that is one link of a tag list or menu', () => {
    document.body.innerHTML = '<ul class="tags"><li><a href="/thema/politik">Politik</a></li><li><a href="/thema/werbung">Werbung</a></li></ul>';
    expect(findLabels(document)).toEqual([]);
  });

  it('ignores a label word that ends a long sentence', () => {
    document.body.innerHTML = '<div class="post">The moderators asked why this thread was labelled <b>Advertisement</b>.</div><a href="/x">x</a>';
    expect(findLabels(document)).toEqual([]);
  });

  it('returns null for a detached label', () => {
    const span = document.createElement('span');
    span.textContent = 'Sponsored';
    expect(containerOfLabel({ labelElement: span, fromText: true, label: 'sponsored', kind: 'native' })).toBeNull();
  });
});
