/**
 * What the build (scripts/filter-lists.mjs) and the background's weekly refresh both need to know about a
 * list's text. Plain JavaScript so the Node build script can import it as it is.
 */

export const EASYLIST_URL = 'https://easylist.to/easylist/easylist.txt';

/**
 * The options AdTally compiles lists with: element rules, procedural ones too, raw text kept. Network rules
 * are loaded only for the page-level exceptions that switch element rules off (`$generichide`,
 * `$elemhide`); detectionLines() keeps just those, so the engine holds no request-blocking rules.
 */
export const ENGINE_OPTIONS = {
  loadNetworkFilters: true,
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

const PAGE_EXCEPTION = /^@@.*\$(?:.*,)?(?:generichide|ghide|elemhide|ehide|document)(?:,|$)/;

/**
 * The lines of a list that matter for detection: element-hiding rules and their exceptions, and the
 * network exceptions that turn element hiding off for a whole site. Comments and request-blocking rules
 * are dropped, which keeps the compiled engine small.
 * @param {string} text
 */
export function detectionLines(text) {
  return text
    .split(/\r?\n/)
    .filter((line) => line.includes('#') ? /#@?[?$]?#/.test(line) && !line.startsWith('!') : PAGE_EXCEPTION.test(line))
    .join('\n');
}
