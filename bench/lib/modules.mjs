/**
 * Names AdTally's functions by source module: content.js is an unminified esbuild bundle in which a
 * "// src/…" comment opens each module, so a profile's "detectAds content.js:1751" becomes
 * "detectAds (detect/detect.ts)".
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export function contentModules(extensionDir) {
  const moduleStarts = readFileSync(join(extensionDir, 'content.js'), 'utf8')
    .split('\n')
    .flatMap((line, i) => (/^ {2}\/\/ ((src|node_modules)\/\S+)$/.test(line) ? [[i + 1, line.trim().slice(3).replace(/^src\/content\//, '').replace(/^node_modules\/([^/]+|@[^/]+\/[^/]+)\/.*/, '$1')]] : []));
  /** "detectAds content.js:1751 > querySelectorAll" → "detectAds (detect/detect.ts) > querySelectorAll". */
  return function sourceOf(key) {
    const m = /^(.*) content\.js:(\d+)(.*)$/.exec(key);
    if (!m) return key;
    const line = Number(m[2]);
    let module = 'content.js top level';
    for (const [start, name] of moduleStarts) if (start <= line) module = name;
    return `${m[1]} (${module})${m[3]}`;
  };
}
