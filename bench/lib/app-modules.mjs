/**
 * AdTally's own TypeScript modules for the bench scripts, which Node runs as plain .mjs: esbuild bundles
 * one module in memory and Node imports the result. The bench so reads the app's definitions (the event
 * fields, the local day) instead of keeping copies that could drift; bundling takes a few milliseconds.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The exports of `path` (relative to the repository root), e.g. 'src/common/day.ts'. */
export async function appModule(path) {
  const { outputFiles } = await build({ absWorkingDir: root, entryPoints: [path], bundle: true, format: 'esm', platform: 'neutral', write: false, logLevel: 'warning' });
  return import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].text).toString('base64')}`);
}
