/**
 * Every label of the dictionary, with every invisible character the normaliser knows inserted inside it,
 * through every reader: the dictionary lookup (detectAround's caption check), the generic label layer and
 * the adapters' caption reader. One vocabulary means none of them can miss what another catches.
 */
import { describe, expect, it } from 'vitest';
import { findLabels } from '../labels';
import { findCaption } from './caption';
import { disclosureOf, DISCLOSURES } from './dictionary';
import { INVISIBLE } from './normalise';

const INVISIBLES = ['\u00ad', '\u180e', '\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u2060', '\u2061', '\u2062', '\u2063', '\u2064', '\ufeff'];

/** The label with the character after its first letter, and before its last. */
const spiked = (label: string, ch: string) => {
  const letters = [...label];
  if (letters.length < 2) return ch + label + ch;
  return letters[0] + ch + letters.slice(1, -1).join('') + ch + letters[letters.length - 1];
};

describe('every label through every reader', () => {
  it('the normaliser strips exactly the listed invisible characters', () => {
    expect(INVISIBLES.join('').replace(INVISIBLE, '')).toBe('');
  });

  it.each(DISCLOSURES.map((d) => [d.label, d]))('"%s"', (label, disclosure) => {
    const display = label.replace(/^./u, (c) => c.toLocaleUpperCase());
    for (const text of [display, ...INVISIBLES.map((ch) => spiked(display, ch))]) {
      expect(disclosureOf(text)?.label, `dictionary: ${JSON.stringify(text)}`).toBe(disclosure.label);

      document.body.innerHTML = `<main><div id="card"><span id="cap">${text}</span><img src="/a.png"></div><p>x</p></main>`;
      const generic = findLabels(document).map((m) => [m.labelElement.id, m.label]);
      expect(generic, `generic layer: ${JSON.stringify(text)}`).toEqual([['cap', disclosure.label]]);

      const card = document.getElementById('card')!;
      const caption = findCaption(card, () => true, [disclosure.label]);
      expect(caption?.element.id, `adapter reader: ${JSON.stringify(text)}`).toBe('cap');
    }
  });
});
