import { beforeEach, describe, expect, it } from 'vitest';
import { findDisclosureLabel, hasDisclosureLabel } from './caption';
import { renderedLabelText } from './reader';
import { byId, page } from '../test-page';

const SPONSORED = ['Sponsored'];
const always = () => true;

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('renderedLabelText', () => {
  it('keeps rendered letters and drops decoys hidden by display, visibility, opacity, size and position', () => {
    page(`
      <style>.gone { display: none } .ghost { opacity: 0 } .shut { width: 0; height: 0; overflow: hidden; display: inline-block }</style>
      <span id="l">
        <span>S</span><span class="gone">Q</span><span>p</span><span style="visibility:hidden">x</span><span>o</span>
        <span class="ghost">k</span><span>n</span><span style="position:absolute;left:-9999px">z</span><span>s</span>
        <span class="shut">w</span><span>o</span><span style="font-size:0">y</span><span>r</span><span style="color:transparent">u</span><span>e</span><span>d</span>
      </span>`);
    expect(renderedLabelText(byId('l'), always).replace(/\s/g, '')).toBe('Sponsored');
  });

  it('uses the isRendered callback for what CSS alone cannot tell', () => {
    page('<span id="l"><b>S</b><b id="decoy">X</b><b>pon</b><b>sored</b></span>');
    const decoy = byId('decoy');
    expect(renderedLabelText(byId('l'), (el) => el !== decoy)).toBe('Sponsored');
  });

  it('does not let a visible child escape an ancestor hidden with display:none or opacity 0', () => {
    page('<div id="l">Ad<div style="opacity:0"><span style="opacity:1">Sponsored</span></div><div style="display:none"><b>X</b></div></div>');
    expect(renderedLabelText(byId('l'), always)).toBe('Ad');
  });

  it('lets a child with visibility:visible show inside a visibility:hidden parent, as CSS does', () => {
    page('<span id="l" style="visibility:hidden">Hid<span style="visibility:visible">Shown</span></span>');
    expect(renderedLabelText(byId('l'), always)).toBe('Shown');
  });

  it('reads letters from data-content attributes of empty spans', () => {
    page(`
      <style>.c::before { content: attr(data-content) }</style>
      <span id="l"><span class="c" data-content="Sp"></span><span class="c" data-content="on"></span><span class="c" data-content="X" style="display:none"></span><span class="c" data-content="sored"></span></span>`);
    expect(renderedLabelText(byId('l'), always)).toBe('Sponsored');
  });

  it('puts flex items in their visual (order) sequence', () => {
    page(`<span id="l" style="display:inline-flex"><span style="order:3">red</span><span style="order:1">Spon</span><span style="order:2">so</span></span>`);
    expect(renderedLabelText(byId('l'), always)).toBe('Sponsored');
  });

  it('reads the text an SVG <use> draws', () => {
    page(`
      <div style="position:absolute;width:0;height:0;overflow:hidden"><svg><text id="SvgT1">Sponsored</text></svg></div>
      <a id="l" href="#"><svg width="70" height="14"><use href="#SvgT1" x="0" y="12"></use></svg></a>`);
    expect(renderedLabelText(byId('l'), always)).toBe('Sponsored');
  });

  it('falls back to aria-labelledby, then aria-label, for an element that draws no words', () => {
    page(`
      <span id="name" style="display:none">Sponsored</span>
      <a id="by" href="#" aria-labelledby="name"><svg width="12" height="12"></svg></a>
      <a id="al" href="#" aria-label="Promoted"><svg width="12" height="12"></svg></a>
      <a id="text" href="#" aria-label="Sponsored">Visit</a>`);
    expect(renderedLabelText(byId('by'), always)).toBe('Sponsored');
    expect(renderedLabelText(byId('al'), always)).toBe('Promoted');
    expect(renderedLabelText(byId('text'), always)).toBe('Visit');
  });

  it('strips zero-width characters and skips scripts and styles', () => {
    page('<span id="l">Spon\u200bso\u200dred\ufeff<script>var x = "Ad";</script><style>.a{}</style></span>');
    expect(renderedLabelText(byId('l'), always)).toBe('Sponsored');
  });
});

describe('hasDisclosureLabel: the tricks', () => {
  it('finds "Sponsored" split across letters with hidden decoys', () => {
    page(`
      <div id="post"><h4>Acme Shoes</h4>
        <span><span>S</span><span style="display:none">v</span><span>p</span><span>o</span><span style="opacity:0">q</span><span>n</span>
        <span>s</span><span style="position:absolute;left:-5000px">k</span><span>o</span><span>r</span><span>e</span><span>d</span></span>
        <span> · </span><p>Run further.</p></div>`);
    expect(hasDisclosureLabel(byId('post'), SPONSORED, always)).toBe(true);
  });

  it('still matches when a decoy letter survives (a hiding trick the reader does not know)', () => {
    // The "j" is pushed under the line with top:3em inside an overflow-hidden line: only layout can tell.
    page(`
      <div id="post"><span style="display:inline-block;height:1.2em;overflow:hidden;position:relative">
        <span>Spo</span><span style="position:absolute;top:3em">j</span><span>ns</span><span>ored</span></span>
      <p>Text of the post</p></div>`);
    expect(hasDisclosureLabel(byId('post'), SPONSORED, always)).toBe(true);
  });

  it('finds letters drawn from data-content', () => {
    page(`
      <style>.c::before { content: attr(data-content) }</style>
      <div id="post"><span>${[...'Sponsored'].map((c) => `<span class="c" data-content="${c}"></span>`).join('')}</span><p>Body</p></div>`);
    expect(hasDisclosureLabel(byId('post'), SPONSORED, always)).toBe(true);
  });

  it('finds a label that is only in aria-label or aria-labelledby', () => {
    page(`
      <div id="a"><a href="#" aria-label="Sponsored" style="display:inline-block;width:60px;height:12px"><svg width="60" height="12"></svg></a><p>Body</p></div>
      <span id="lbl" hidden>Sponsored</span>
      <div id="b"><span><a href="#" aria-labelledby="lbl"><svg width="60" height="12"></svg></a></span><p>Body</p></div>`);
    expect(hasDisclosureLabel(byId('a'), SPONSORED, always)).toBe(true);
    expect(hasDisclosureLabel(byId('b'), SPONSORED, always)).toBe(true);
  });

  it('finds "Sponsored" drawn by an SVG <use> pointing at a <text>', () => {
    page(`
      <div style="position:absolute;width:0;height:0;overflow:hidden"><svg><text id="SvgT9">Sponsored</text><text id="SvgT2">2 h</text></svg></div>
      <div id="ad"><span><a href="#"><svg width="64" height="14"><use href="#SvgT9"></use></svg></a></span><p>Body</p></div>
      <div id="organic"><span><a href="#"><svg width="20" height="14"><use href="#SvgT2"></use></svg></a></span><p>Body</p></div>`);
    expect(hasDisclosureLabel(byId('ad'), SPONSORED, always)).toBe(true);
    expect(hasDisclosureLabel(byId('organic'), SPONSORED, always)).toBe(false);
  });

  it('finds a label with zero-width characters inside', () => {
    page('<div id="post"><span>Spon\u200bsor\u2060ed</span><p>Body</p></div>');
    expect(hasDisclosureLabel(byId('post'), SPONSORED, always)).toBe(true);
  });

  it('finds a label that is one part of a separated caption line', () => {
    page('<div id="post"><div>Sponsored · Paid for by Acme</div><p>Body</p></div>');
    expect(hasDisclosureLabel(byId('post'), SPONSORED, always)).toBe(true);
    page('<div id="post"><span>Sponsored</span> · acme.com<p>Body</p></div>');
    expect(hasDisclosureLabel(byId('post'), SPONSORED, always)).toBe(true);
  });

  it('matches case-insensitively and in other languages', () => {
    page('<div id="post"><span>GESPONSERT</span><p>Text</p></div>');
    expect(hasDisclosureLabel(byId('post'), ['Sponsored', 'Gesponsert'], always)).toBe(true);
  });

  it('returns the element carrying the label', () => {
    page('<div id="post"><h4>Acme</h4><span id="cap"><b>Spon</b><b>sored</b></span><p>Body</p></div>');
    expect(findDisclosureLabel(byId('post'), SPONSORED, always)).toBe(byId('cap'));
  });
});

describe('hasDisclosureLabel: what is not a label', () => {
  it('ignores prose that mentions sponsorship', () => {
    page(`
      <div id="post">
        <p>A reader asked whether this post is sponsored. It is not.</p>
        <p>This is not <b>sponsored</b> at all.</p>
        <p>Honestly, this review is <em>sponsored</em>.</p>
        <div>Nobody sponsored this trip</div>
      </div>`);
    expect(hasDisclosureLabel(byId('post'), SPONSORED, always)).toBe(false);
  });

  it('tells a caption from prose beside a long text, inside and above the subtree read', () => {
    const article = 'Markets rallied as the central bank held rates. '.repeat(200);
    page(`
      <div id="caption"><span><b id="cap">Sponsored</b></span><p>${article}</p></div>
      <div id="prose"><p>This is not <b>sponsored</b> at all, ${article}</p></div>`);
    expect(findDisclosureLabel(byId('caption'), SPONSORED, always)).toBe(byId('cap'));
    expect(hasDisclosureLabel(byId('prose'), SPONSORED, always)).toBe(false);
  });

  it('ignores a hidden "Sponsored" decoy', () => {
    page(`
      <style>.d { display: none }</style>
      <div id="a"><span class="d">Sponsored</span><p>Body</p></div>
      <div id="b"><span style="position:absolute;top:-10000px">Sponsored</span><p>Body</p></div>
      <div id="c"><span style="opacity:0">Sponsored</span><p>Body</p></div>
      <div id="d"><span style="display:block;width:0;height:0;overflow:hidden">Sponsored</span><p>Body</p></div>
      <div id="e"><span style="position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)">Sponsored</span><p>Body</p></div>
      <div id="f"><span style="visibility:hidden">Sponsored</span><p>Body</p></div>
      <div id="g"><span style="display:inline-block;transform:translateX(-9999px)">Sponsored</span><p>Body</p></div>`);
    for (const id of ['a', 'b', 'c', 'd', 'e', 'f', 'g']) expect(hasDisclosureLabel(byId(id), SPONSORED, always), id).toBe(false);
  });

  it('ignores a zero-size ghost element carrying a fake aria label', () => {
    page(`<div id="post"><div aria-label="Sponsored" style="width:0;height:0"></div><p>Body</p></div>`);
    expect(hasDisclosureLabel(byId('post'), SPONSORED, always)).toBe(false);
  });

  it('does not match a subsequence in one text node or in long text', () => {
    page(`
      <div id="a"><span>Spoons ordered</span></div>
      <div id="b"><span>I got promoted</span></div>
      <div id="c"><span><b>S</b><b>p</b>ecial offers on nuts, seeds, oats, rice, red beans and more</span></div>`);
    expect(hasDisclosureLabel(byId('a'), SPONSORED, always)).toBe(false);
    expect(hasDisclosureLabel(byId('b'), ['Promoted'], always)).toBe(false);
    expect(hasDisclosureLabel(byId('c'), SPONSORED, always)).toBe(false);
  });

  it('matches a short label such as "Ad" only exactly', () => {
    page('<div id="a"><span>Ad</span><p>x</p></div><div id="b"><span><b>Lo</b><b>aded</b></span></div><div id="c"><span>Ads</span></div>');
    expect(hasDisclosureLabel(byId('a'), ['Ad'], always)).toBe(true);
    expect(hasDisclosureLabel(byId('b'), ['Ad'], always)).toBe(false);
    expect(hasDisclosureLabel(byId('c'), ['Ad'], always)).toBe(false);
  });

  it('does not read excluded subtrees', () => {
    page('<div id="post"><div class="msg"><span>Sponsored</span></div><span>Acme</span></div>');
    expect(hasDisclosureLabel(byId('post'), SPONSORED, always, { exclude: '.msg' })).toBe(false);
    expect(hasDisclosureLabel(byId('post'), SPONSORED, always)).toBe(true);
  });

  it('ignores a label hidden by the isRendered callback', () => {
    page('<div id="post"><span id="cap">Sponsored</span><p>Body</p></div>');
    const cap = byId('cap');
    expect(hasDisclosureLabel(byId('post'), SPONSORED, (el) => el !== cap)).toBe(false);
  });
});
