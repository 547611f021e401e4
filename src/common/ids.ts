/** Each byte's two hex digits, computed once: an id is then 16 lookups, not 16 number-to-string conversions. */
const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

/**
 * A random id (UUID v4 form) for events and page views: unguessable and unique across tabs, frames and
 * browsers. Built on getRandomValues because crypto.randomUUID exists only in secure contexts, and content
 * scripts share the context of plain-http pages. Every event a page records takes one, so it is built by
 * table lookups.
 */
export function randomId(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = (i: number) => HEX[b[i]!]!;
  return `${h(0)}${h(1)}${h(2)}${h(3)}-${h(4)}${h(5)}-${h(6)}${h(7)}-${h(8)}${h(9)}-${h(10)}${h(11)}${h(12)}${h(13)}${h(14)}${h(15)}`;
}
