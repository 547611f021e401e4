import { describe, expect, it } from 'vitest';
import { detectAds } from '../detect';
import { contextFor, ids, scan, summary } from './test-helpers';

const STYLE = '<style>.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(1px, 1px, 1px, 1px) }</style>';
const twice = (text: string) => `<span aria-hidden="true">${text}</span><span class="visually-hidden">${text}</span>`;
const update = (id: string, o: { desc?: string; sub: string; text?: string; header?: string }) => `
  <div data-id="urn:li:activity:${id}"><div class="feed-shared-update-v2 artdeco-card" id="${id}">
    ${o.header ? `<div class="update-components-header"><span class="update-components-header__text-view">${o.header}</span></div>` : ''}
    <div class="update-components-actor"><a class="update-components-actor__image" href="/in/${id}"><img alt="" src="data:,"></a>
      <div class="update-components-actor__meta"><a class="update-components-actor__meta-link" href="/in/${id}">
        <span class="update-components-actor__title">${twice(`Name ${id}`)}</span>
        <span class="update-components-actor__description">${twice(o.desc ?? 'Engineer at Contoso')}</span>
        <span class="update-components-actor__sub-description">${o.sub}</span></a></div></div>
    <div class="update-components-text"><span>${o.text ?? 'Post text.'}</span></div>
    <button>Like</button>
  </div></div>`;

describe('linkedin adapter', () => {
  it('finds updates whose sub-description reads "Promoted" or "Promoted by …"', () => {
    const found = scan(
      'linkedin',
      STYLE + update('organic', { sub: twice('3d • ') }) + update('ad', { sub: twice('Promoted') }) + update('tl', { sub: twice('Promoted by Tailspin') }),
    );
    expect(summary(found)).toEqual([
      ['ad', 'adapter:linkedin/promoted-update', 'social', 'LinkedIn'],
      ['tl', 'adapter:linkedin/promoted-update', 'social', 'LinkedIn'],
    ]);
  });

  it('does not take "promoted" in a post text or a headline, "Suggested" posts, or a visually hidden "Promoted"', () => {
    const found = scan(
      'linkedin',
      STYLE +
        update('text', { sub: twice('1d • '), text: "I'm thrilled to share that I got promoted!" }) +
        update('headline', { sub: twice('5h • '), desc: 'Promoted' }) +
        update('suggested', { sub: twice('1w • '), header: 'Suggested' }) +
        update('hidden', { sub: `${twice('2d • ')}<span class="visually-hidden">Promoted</span>` }),
    );
    expect(found).toEqual([]);
  });

  it('does not credit an update with the sub-description of an update nested inside it', () => {
    const inner = update('inner', { sub: twice('Promoted') });
    const found = scan('linkedin', STYLE + update('outer', { sub: twice('1d • '), text: inner }));
    expect(ids(found)).toEqual([]);
  });

  it('runs only on LinkedIn, and detectAds reports the update with the adapter rule', () => {
    expect(scan('facebook', STYLE + update('ad', { sub: twice('Promoted') }))).toEqual([]);
    scan('linkedin', STYLE + update('ad', { sub: twice('Promoted') }));
    expect(summary(detectAds(document, contextFor('linkedin')))).toEqual([['ad', 'adapter:linkedin/promoted-update', 'social', 'LinkedIn']]);
  });
});
