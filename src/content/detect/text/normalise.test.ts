import { describe, expect, it } from 'vitest';
import { normaliseLabelText } from './normalise';

/** The full folding, without the ASCII shortcut: what every text must equal. */
const reference = (text: string) => text.replace(/[\u00ad\u180e\u200b-\u200f\u2060-\u2064\ufeff]/g, '').normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();

describe('normaliseLabelText', () => {
  it('folds ASCII text as the full path does', () => {
    for (const text of ['  Sponsored \n', 'ADVERTISEMENT', 'Ad · Shop', 'Promoted\tby  ACME', '', ' ', 'a\u0000b', 'x'.repeat(300)]) {
      expect(normaliseLabelText(text)).toBe(reference(text));
    }
  });

  it('removes invisible characters and folds compatibility forms outside ASCII', () => {
    expect(normaliseLabelText('Spon\u00adso\u200bred')).toBe('sponsored');
    expect(normaliseLabelText('Ｓｐｏｎｓｏｒｅｄ')).toBe('sponsored');
    expect(normaliseLabelText('Anzeige\u00a0·\u2003Shop')).toBe('anzeige · shop');
  });

  it('lower-cases without the browser locale: the same fold in every language', () => {
    expect(normaliseLabelText('ADVERTISING')).toBe('advertising');
    expect(normaliseLabelText('REKLAMLAR')).toBe('reklamlar');
    expect(normaliseLabelText('İLAN')).toBe('İLAN'.toLowerCase());
  });
});
