/**
 * A Debian package's files without installing it: `apt-get download` and `dpkg-deb -x` into the repository's
 * git-ignored .cache/debian/<package>/. The build takes EasyList from webext-ublock-origin-chromium this way
 * (scripts/filter-lists.mjs) and the page bench takes uBlock Origin itself (bench/lib/ubo-mv3.mjs): installing
 * that package would make /usr/bin/chromium pass its MV2 extension to every launch (/etc/chromium.d/extensions),
 * while unpacking it leaves the system as it was.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CACHE = fileURLToPath(new URL('../.cache/debian/', import.meta.url));

/**
 * Resolves the package's unpacked root (`files`, holding usr/…) and its version, downloading it on first use.
 * The version file is written last, so an interrupted download or extraction is redone, never half-used.
 * Throws when apt-get cannot download it (no network, no apt source).
 */
export function unpackedDebianPackage(name) {
  const dir = join(CACHE, name);
  const files = join(dir, 'files');
  const versionFile = join(dir, 'version');
  if (existsSync(versionFile)) return { files, version: readFileSync(versionFile, 'utf8').trim() };
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execFileSync('apt-get', ['download', name], { cwd: dir, stdio: 'pipe', timeout: 120_000 });
  const deb = readdirSync(dir).find((f) => f.startsWith(`${name}_`) && f.endsWith('.deb'));
  if (!deb) throw new Error(`apt-get download ${name} left no .deb`);
  execFileSync('dpkg-deb', ['-x', join(dir, deb), files], { stdio: 'pipe' });
  // apt-get names the file <name>_<version, with ':' as %3a>_<arch>.deb.
  const version = decodeURIComponent(deb.split('_')[1] ?? 'unknown');
  writeFileSync(versionFile, `${version}\n`);
  return { files, version };
}
