/**
 * A CSS selector for one element that should still find it on the next visit: an id when it is unique,
 * else the shortest chain of tag and stable class names (with :nth-of-type only where siblings are alike)
 * up to an ancestor with a unique id or the body. Unlike css-path.ts's positional path, it survives a news
 * page putting one more story above the ad.
 */

// Class names that change between visits: long digit runs, hashes from CSS-in-JS tools.
const VOLATILE_CLASS = /\d{3,}|^[a-z]{1,3}-[a-z0-9]{5,}$|^css-|^sc-|^jsx-|^_[a-z0-9]{5,}/i;

const escape = (value: string) => (typeof globalThis.CSS?.escape === "function" ? CSS.escape(value) : value.replace(/[^a-zA-Z0-9_-]/g, (c) => `\\${c}`));

export function selectorFor(element: Element): string {
  const doc = element.ownerDocument;
  const unique = (selector: string) => {
    try {
      return doc.querySelectorAll(selector).length === 1 && doc.querySelector(selector) === element;
    } catch {
      return false;
    }
  };
  const idOf = (el: Element) => (el.id && !VOLATILE_CLASS.test(el.id) && doc.querySelectorAll(`#${escape(el.id)}`).length === 1 ? `#${escape(el.id)}` : null);

  const own = idOf(element);
  if (own) return own;
  const parts: string[] = [];
  for (let el: Element | null = element; el && el !== doc.documentElement; el = el.parentElement) {
    const id = el === element ? null : idOf(el);
    if (id) {
      parts.unshift(id);
      break;
    }
    parts.unshift(segmentFor(el));
    const selector = parts.join(' > ');
    if (unique(selector)) return selector;
    if (el === doc.body) break;
  }
  const selector = parts.join(' > ');
  return unique(selector) ? selector : positional(element);
}

function segmentFor(el: Element): string {
  const tag = el.tagName.toLowerCase();
  if (tag === 'body') return 'body';
  const classes = [...el.classList].filter((c) => !VOLATILE_CLASS.test(c)).slice(0, 2);
  const segment = tag + classes.map((c) => `.${escape(c)}`).join('');
  const parent = el.parentElement;
  if (!parent) return segment;
  const alike = [...parent.children].filter((sibling) => sibling.tagName === el.tagName && classes.every((c) => sibling.classList.contains(c)));
  if (alike.length <= 1) return segment;
  const sameTag = [...parent.children].filter((sibling) => sibling.tagName === el.tagName);
  return `${segment}:nth-of-type(${sameTag.indexOf(el) + 1})`;
}

/** The last resort: the position from the body, always unique. */
function positional(element: Element): string {
  const parts: string[] = [];
  for (let el: Element | null = element; el && el.tagName !== 'BODY' && el.tagName !== 'HTML'; el = el.parentElement) {
    const parent: Element | null = el.parentElement;
    parts.unshift(parent ? `${el.tagName.toLowerCase()}:nth-child(${[...parent.children].indexOf(el) + 1})` : el.tagName.toLowerCase());
  }
  return ['body', ...parts].join(' > ');
}
