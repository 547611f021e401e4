/**
 * The one rule for "this label word is prose, not a caption", used by every label reader: a word set in its
 * own element inside a sentence ("This post is <b>sponsored</b> by nobody") or a tag-list link ("Werbung"
 * among a news site's topics) is not a disclosure.
 */
import { compact, LETTER, normaliseLabelText, SEPARATORS } from './normalise';

/** How the rule sees the page: an element's text as a person reads it, and whether it starts a line. */
export interface TextView {
  textOf(el: Element): string;
  isBlock(el: Element): boolean;
}

// Longer than an account name before a "Sponsored" caption, shorter than most sentences.
const SENTENCE_LEAD = 40;

/**
 * Whether a label element sits in a sentence. Climbing past wrappers that hold only its text: words follow it
 * in the same run of text (unless a separator comes first: "Sponsored · acme.com"; words in an element of
 * their own, a pager or a button, are another caption, and a block starts a new line), its paragraph has
 * words of its own, or a sentence's worth of words comes before it ("… was labelled <b>Advertisement</b>.").
 * Words shortly before it are allowed: "Acme Shoes <span>Sponsored</span>" is how feeds caption a post.
 * `stopAt` bounds the climb (the subtree a platform adapter reads).
 */
export function inRunningText(labelElement: Element, view: TextView, stopAt: Element | null = null): boolean {
  const own = compact(normaliseLabelText(view.textOf(labelElement)));
  let branch = labelElement;
  let parent = branch.parentElement;
  while (parent && branch !== stopAt && holdsOnly(view.textOf(parent), own)) {
    branch = parent;
    parent = parent.parentElement;
  }
  if (!parent || branch === stopAt) return false;
  // A badge: a styled label that starts its line ("[Ad] Wix has free domains", "[Ad] www.example.com").
  // Words after it are the ad's own text, not the rest of a sentence.
  if (isBadge(branch) && !wordsBefore(branch, view)) return false;

  let following = '';
  const ownLine = view.isBlock(branch);
  for (let next = ownLine ? null : branch.nextSibling; next && following.length < 80; next = next.nextSibling) {
    if (next.nodeType === Node.TEXT_NODE) following += next.nodeValue ?? '';
    else if (next instanceof Element && view.isBlock(next)) break;
  }
  const firstLetter = following.search(LETTER);
  if (firstLetter >= 0 && !SEPARATORS.test(following.slice(0, firstLetter))) return true;

  if (parent.tagName === 'P' && !holdsOnly(view.textOf(parent), own)) return true;

  let before = '';
  for (let prev = ownLine ? null : branch.previousSibling; prev && before.length <= SENTENCE_LEAD; prev = prev.previousSibling) {
    if (prev.nodeType === Node.TEXT_NODE) before = (prev.nodeValue ?? '') + before;
    else if (prev instanceof Element && view.isBlock(prev)) break;
  }
  return before.replace(/\s+/g, ' ').trim().length > SENTENCE_LEAD;
}

/**
 * Whether a text says exactly `own`'s letters. A text far longer than them says more: it is not normalised
 * at all, since the climb meets the label's whole column or article one step after its wrapper, and
 * folding tens of kilobytes there was a sixth of the label layer's time on the page bench's news page.
 * Past eight times the label plus 200 characters, what normalising removes (whitespace, punctuation,
 * invisible characters) cannot make up the difference on any page a person reads.
 */
function holdsOnly(text: string, own: string): boolean {
  if (text.length > 8 * own.length + 200) return false;
  return compact(normaliseLabelText(text)) === own;
}

/** A label element styled apart from its line: it carries a class or a style of its own. */
function isBadge(el: Element): boolean {
  return el.hasAttribute('class') && el.getAttribute('class')!.trim() !== '' || el.hasAttribute('style');
}

/** Whether words come before el in its line (its previous siblings up to a block). */
function wordsBefore(el: Element, view: TextView): boolean {
  for (let prev = el.previousSibling; prev; prev = prev.previousSibling) {
    if (prev.nodeType === Node.TEXT_NODE && LETTER.test(prev.nodeValue ?? '')) return true;
    if (prev instanceof Element) {
      if (view.isBlock(prev)) return false;
      if (LETTER.test(view.textOf(prev))) return true;
    }
  }
  return false;
}

/**
 * A label word that is a link in a list of links is a topic tag or a menu entry ("Werbung" in a news site's
 * tag list, "Advertising" in a footer menu), and a word inside a menu is part of a command; neither is a
 * caption. A sponsored item whose link holds the caption and
 * a title is an ad; a link that is only the word is a tag.
 */
export function inLinkList(labelElement: Element): boolean {
  // An entry of a menu is a command ("Create Similar Ad", "Hide ad"), never a disclosure.
  if (labelElement.closest('[role="menu"], [role="menuitem"], [role="menubar"], [role="tooltip"]')) return true;
  // The link is the label, or is inside it holding all its words (a list item around a tag link).
  const link = labelElement.closest('a[href]') ?? labelElement.querySelector('a[href]');
  if (!link || link.textContent?.trim() !== labelElement.textContent?.trim()) return false;
  const list = link.parentElement?.closest('ul, ol, menu, nav, footer, [role="list"], [role="navigation"], [role="menu"]');
  return !!list && list.querySelectorAll('a[href]').length > 1;
}
