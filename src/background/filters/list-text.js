/**
 * What the build (scripts/filter-lists.mjs) and the background's weekly refresh both need to know about a
 * list's text. Plain JavaScript so the Node build script can import it as it is.
 */

export const EASYLIST_URL = 'https://easylist.to/easylist/easylist.txt';

/** The options AdTally compiles lists with: element rules only, procedural ones too, raw text kept. */
export const ENGINE_OPTIONS = {
  loadNetworkFilters: false,
  loadCosmeticFilters: true,
  loadGenericCosmeticsFilters: true,
  loadExtendedSelectors: true,
  // Keeps each filter's raw text, which AdTally stores as the rule that found an ad.
  debug: true,
};

/** @param {string} text */
export function looksLikeEasyList(text) {
  return text.startsWith('[Adblock Plus') && text.length > 200_000;
}

/**
 * "! Version: …" when the list has one, else "! Last modified: …", else the start of its content hash.
 * @param {string} text
 * @param {string} sha256
 */
export function listVersion(text, sha256) {
  const header = text.slice(0, 3000);
  const version = /^! Version: *(\S+)/m.exec(header)?.[1];
  const modified = /^! Last modified: *(.+)$/m.exec(header)?.[1]?.trim();
  if (version) return version;
  if (modified && !modified.includes('%')) return modified;
  return `sha256-${sha256.slice(0, 12)}`;
}
