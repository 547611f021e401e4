/**
 * The one text vocabulary every label reader uses: which characters are invisible, what a letter is, what
 * separates the parts of a caption line, and how text is folded before it is compared.
 */

/**
 * Invisible formatting characters that pages insert between letters to break text matching: the soft hyphen
 * (`Adver\u00adtisement`), the Mongolian vowel separator, zero-width space / joiners / marks, word joiner and
 * invisible operators, and the byte-order mark.
 */
export const INVISIBLE = /[\u00ad\u180e\u200b-\u200f\u2060-\u2064\ufeff]/g;

/** A letter or digit in any script: text without one says nothing (a "·" or an icon's space). */
export const LETTER = /[\p{L}\p{N}]/u;

/** Separators that split one caption line into parts: "Sponsored · Paid for by …", "Acme | Ad". */
export const SEPARATORS = /[·•‧∙⋅|｜]/u;

const NON_LETTER = /[^\p{L}\p{N}]+/gu;

/** Any character outside ASCII: only such text can hold an invisible character or a compatibility form. */
const NON_ASCII = /[^\x00-\x7f]/;

/**
 * Lower case, no invisible characters, compatibility forms folded, whitespace collapsed. ASCII text skips
 * the removal and NFKC, which leave it as it is (a quarter of the time on a page of English text). Lower
 * case is the locale-free mapping: the page's text and the dictionary fold the same way whatever the
 * browser's language (a Turkish locale's dotless ı would otherwise break "ADVERTISING").
 */
export function normaliseLabelText(text: string): string {
  const folded = NON_ASCII.test(text) ? text.replace(INVISIBLE, '').normalize('NFKC') : text;
  return folded.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Only the letters and digits: "Spon-sored!" and "sponsored" compare equal. */
export function compact(text: string): string {
  return text.replace(NON_LETTER, '');
}

/** Invisible characters removed and whitespace collapsed, case kept (for display and ARIA names). */
export function collapse(text: string): string {
  return text.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

/** The parts of a caption line between separators, normalised, empty parts dropped. */
export function segments(text: string): string[] {
  return normaliseLabelText(text)
    .split(SEPARATORS)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
