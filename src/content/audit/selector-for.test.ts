// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { selectorFor } from './selector-for';

const el = (selector: string) => document.querySelector(selector)!;

describe('selectorFor', () => {
  it('uses a unique, stable id', () => {
    document.body.innerHTML = '<div id="sidebar"><div id="promo"><img></div></div>';
    expect(selectorFor(el('#promo'))).toBe('#promo');
  });

  it('climbs to an ancestor id with stable classes, skipping generated ones', () => {
    document.body.innerHTML = '<main id="content"><section class="css-1x2y3z"><div class="box sponsored-box x-ab12cd34"><a></a></div></section></main>';
    const selector = selectorFor(el('.sponsored-box'));
    expect(selector).toBe('div.box.sponsored-box');
    expect(document.querySelectorAll(selector)).toHaveLength(1);
  });

  it('tells alike siblings apart by their position among their type', () => {
    document.body.innerHTML = '<div id="feed"><article class="post"></article><article class="post"></article><article class="post"><b>ad</b></article></div>';
    const target = document.querySelectorAll('article')[2]!;
    const selector = selectorFor(target);
    expect(selector).toBe('article.post:nth-of-type(3)');
    expect(document.querySelector(selector)).toBe(target);
  });

  it('ignores ids that are not unique or look generated', () => {
    document.body.innerHTML = '<div id="x"></div><div id="x" class="slot"><img></div><div id="ad-382919"></div>';
    expect(selectorFor(document.querySelectorAll('#x')[1]!)).toBe('div.slot');
    expect(selectorFor(el('#ad-382919'))).not.toContain('382919');
  });

  it('every selector it gives finds exactly that element', () => {
    document.body.innerHTML = '<div><div><span></span><span></span></div><div><span></span></div></div><p><span></span></p>';
    for (const span of document.querySelectorAll('span')) {
      const selector = selectorFor(span);
      expect(document.querySelectorAll(selector)).toHaveLength(1);
      expect(document.querySelector(selector)).toBe(span);
    }
  });
});
