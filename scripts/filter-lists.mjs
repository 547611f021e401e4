/**
 * Obtains EasyList for the build and compiles it into the engine the background loads.
 * Order of sources: (1) the current list from easylist.to, with a short timeout; (2) the copy inside
 * Debian's webext-ublock-origin-chromium package, unpacked (never installed: installing it makes
 * /usr/bin/chromium load that MV2 extension); (3) none, and AdTally runs on its built-in signatures only,
 * which the build says plainly. The version, date and source are recorded in filters/lists.json.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FiltersEngine } from '@ghostery/adblocker';
import { unpackedDebianPackage } from './debian-package.mjs';
import { detectionLines, EASYLIST_URL, ENGINE_OPTIONS, listVersion, looksLikeEasyList } from '../src/background/filters/list-text.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const CACHE = join(root, '.cache', 'filter-lists');
const DEBIAN_PACKAGE = 'webext-ublock-origin-chromium';
const DEBIAN_PATH = 'usr/share/chromium/extensions/ublock-origin/assets/thirdparties/easylist/easylist.txt';

async function download() {
  try {
    const response = await fetch(EASYLIST_URL, { signal: AbortSignal.timeout(8000) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const text = await response.text();
    if (!looksLikeEasyList(text)) throw new Error('the response is not EasyList');
    return { text, source: EASYLIST_URL };
  } catch (error) {
    console.log(`filter lists: could not download EasyList (${error.cause?.code ?? error.message}); trying Debian's copy`);
    return null;
  }
}

function debianCopy() {
  const installed = `/${DEBIAN_PATH}`;
  if (existsSync(installed)) return { text: readFileSync(installed, 'utf8'), source: `debian:${DEBIAN_PACKAGE} (installed)` };
  try {
    const { files, version } = unpackedDebianPackage(DEBIAN_PACKAGE);
    return { text: readFileSync(join(files, DEBIAN_PATH), 'utf8'), source: `debian:${DEBIAN_PACKAGE} ${version}` };
  } catch (error) {
    console.log(`filter lists: Debian's copy is not available (${String(error.message).split('\n')[0]})`);
    return null;
  }
}

/**
 * Writes filters/easylist.engine (the serialized engine) and filters/lists.json into each outdir.
 * Returns the list's metadata, or null when no list could be had.
 */
export async function buildFilterLists(outdirs) {
  const cached = join(CACHE, 'easylist.txt');
  const offline = process.env.ADTALLY_OFFLINE === '1';
  let list = offline ? null : await download();
  list ??= debianCopy();
  if (!list) {
    console.log('filter lists: NO EASYLIST: AdTally is built with its built-in signatures and platform adapters only.');
    for (const dir of outdirs) {
      mkdirSync(join(dir, 'filters'), { recursive: true });
      writeFileSync(join(dir, 'filters', 'lists.json'), '[]\n');
    }
    return null;
  }
  mkdirSync(CACHE, { recursive: true });
  writeFileSync(cached, list.text);
  const sha256 = createHash('sha256').update(list.text).digest('hex');
  const engine = FiltersEngine.parse(detectionLines(list.text), ENGINE_OPTIONS);
  const serialized = engine.serialize();
  const meta = {
    id: 'easylist',
    name: 'EasyList',
    version: listVersion(list.text, sha256),
    source: list.source,
    obtained: new Date(statSync(cached).mtimeMs).toISOString(),
    sha256,
    cosmeticFilters: engine.cosmetics.getFilters().length,
  };
  for (const dir of outdirs) {
    mkdirSync(join(dir, 'filters'), { recursive: true });
    writeFileSync(join(dir, 'filters', 'easylist.engine'), serialized);
    writeFileSync(join(dir, 'filters', 'lists.json'), `${JSON.stringify([meta], null, 2)}\n`);
  }
  console.log(`filter lists: EasyList ${meta.version} from ${meta.source}, ${meta.cosmeticFilters} element rules`);
  return meta;
}
