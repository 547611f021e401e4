/**
 * Test support for "every number says what it counts": the numbers in a rendered page that no tooltip
 * explains. A number is a text with a digit; it is explained when it, or an element around it, has a
 * `title`. Controls' own labels ("7 days", "Show the top 10") are choices, not numbers, and are skipped.
 * Imported by tests only.
 */
export function untitledNumbers(root: Element): string[] {
  const found: string[] = [];
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent?.trim() ?? '';
    if (!/\d/.test(text)) continue;
    const parent = node.parentElement!;
    if (parent.closest('button, select, option, label, caption')) continue;
    if (!parent.closest('[title]')) found.push(text);
  }
  return found;
}
