import { afterEach, describe, expect, it } from 'vitest';
import { pageSources } from './page-sources';

const byId = (id: string) => document.getElementById(id)!;

afterEach(() => {
  window.scrollTo(0, 0);
  document.body.innerHTML = '';
});

describe('pageSources: the fold', () => {
  it('judges each ad against the first viewport of the page view, however far the page has scrolled since', () => {
    document.body.style.margin = '0';
    document.body.innerHTML = `
      <div id="top" style="height: 100px"></div>
      <div style="height: ${window.innerHeight - 150}px"></div>
      <div id="straddling" style="height: 100px"></div>
      <div id="under" style="height: 100px"></div>
      <div id="hidden" style="display: none; height: 100px"></div>
      <div style="height: ${3 * window.innerHeight}px"></div>`;
    const sources = pageSources();
    // The page view's first screen holds #top and the top half of #straddling; #under starts just below it.
    window.scrollTo(0, window.innerHeight);
    expect(window.scrollY).toBe(window.innerHeight);
    expect(['top', 'straddling', 'under'].map((id) => sources.foldOf(byId(id)))).toEqual(['above', 'above', 'below']);
    // No box, no place on the page to judge.
    expect(sources.foldOf(byId('hidden'))).toBeNull();
  });

  it('counts from where the page view started scrolled to', () => {
    document.body.style.margin = '0';
    document.body.innerHTML = `<div id="first" style="height: 100px"></div><div style="height: ${2 * window.innerHeight}px"></div><div id="far" style="height: 100px"></div><div style="height: ${window.innerHeight}px"></div>`;
    window.scrollTo(0, 2 * window.innerHeight - 50);
    const sources = pageSources();
    expect(sources.foldOf(byId('far'))).toBe('above');
    expect(sources.foldOf(byId('first'))).toBe('above');
  });
});
