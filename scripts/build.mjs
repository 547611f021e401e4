/**
 * Builds the unpacked extensions: dist/chromium/ and dist/firefox/. esbuild bundles each entry into one
 * file (content scripts cannot be ES modules in MV3), public/ is copied, and the manifest is patched per
 * browser. Usage: node scripts/build.mjs [--watch]
 */
import * as esbuild from 'esbuild';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildFilterLists } from './filter-lists.mjs';
import { manifestFor } from './manifest-for.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const targets = ['chromium', 'firefox'];
const entryPoints = {
  background: 'src/background/index.ts',
  content: 'src/content/index.ts',
  frame: 'src/content/frame.ts',
  popup: 'src/popup/index.tsx',
  options: 'src/options/index.tsx',
  dashboard: 'src/dashboard/index.tsx',
  welcome: 'src/welcome/index.tsx',
};

const started = Date.now();
const base = JSON.parse(readFileSync(`${root}/manifest.json`, 'utf8'));
base.version = JSON.parse(readFileSync(`${root}/package.json`, 'utf8')).version;

for (const target of targets) {
  const outdir = `${root}/dist/${target}`;
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  await esbuild.build({
    absWorkingDir: root,
    entryPoints,
    outdir,
    bundle: true,
    format: 'iife',
    target: target === 'firefox' ? ['firefox128'] : ['chrome120'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    minify: false, // store reviewers (and researchers) read the shipped code
    sourcemap: 'linked',
    legalComments: 'eof',
    logLevel: 'warning',
  });
  cpSync(`${root}/public`, outdir, { recursive: true });
  // The chart library's stylesheet, next to dashboard.html (which links it).
  cpSync(`${root}/node_modules/uplot/dist/uPlot.min.css`, `${outdir}/uPlot.min.css`);
  writeFileSync(`${outdir}/manifest.json`, `${JSON.stringify(manifestFor(target, base), null, 2)}\n`);
}
await buildFilterLists(targets.map((target) => `${root}/dist/${target}`));
console.log(`AdTally built to dist/chromium and dist/firefox in ${Date.now() - started} ms`);
