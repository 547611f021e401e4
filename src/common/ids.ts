/** Each byte's two hex digits, computed once: an id is then 16 lookups, not 16 number-to-string conversions. */
const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

/** Ids' worth of random bytes drawn at once: one getRandomValues call (a native call) per 64 ids, not per id. */
const POOL_IDS = 64;
let pool = new Uint8Array(0);
let next = 0;

/**
 * A random id (UUID v4 form) for events and page views: unguessable and unique across tabs, frames and
 * browsers. Built on getRandomValues because crypto.randomUUID exists only in secure contexts, and content
 * scripts share the context of plain-http pages. Every event a page records takes one, so the bytes are drawn
 * in blocks and the id is built by table lookups.
 */
export function randomId(): string {
  if (next + 16 > pool.length) {
    pool = crypto.getRandomValues(new Uint8Array(16 * POOL_IDS));
    next = 0;
  }
  const id = uuidOf(pool, next);
  next += 16;
  return id;
}

/** The UUID v4 of 16 random bytes from `at`, its version and variant bits set whatever the bytes are. */
export function uuidOf(bytes: Uint8Array, at: number): string {
  const h = (i: number) => HEX[bytes[at + i]!]!;
  const version = HEX[(bytes[at + 6]! & 0x0f) | 0x40]!;
  const variant = HEX[(bytes[at + 8]! & 0x3f) | 0x80]!;
  return `${h(0)}${h(1)}${h(2)}${h(3)}-${h(4)}${h(5)}-${version}${h(7)}-${variant}${h(9)}-${h(10)}${h(11)}${h(12)}${h(13)}${h(14)}${h(15)}`;
}
