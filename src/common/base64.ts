/**
 * Bytes as base64, for what must cross extension messaging as text (a picture's data: URL, the token filter).
 * `String.fromCharCode` takes the bytes 32 kB at a time: spreading more arguments than that at once overflows
 * some engines' call stacks.
 */
export function base64Of(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
