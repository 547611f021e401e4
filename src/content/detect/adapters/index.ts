/**
 * The platform adapters, one module each. Every adapter has a fixture page under e2e/sites/ whose
 * accuracy test fails when the adapter is removed from this list.
 */
import type { PlatformAdapter } from '../types';
import { amazon } from './amazon';
import { chumbox } from './chumbox';
import { facebook } from './facebook';
import { googleSearch } from './google-search';
import { instagram } from './instagram';
import { linkedin } from './linkedin';
import { reddit } from './reddit';
import { x } from './x';
import { youtube } from './youtube';

export const ADAPTERS: readonly PlatformAdapter[] = [
  googleSearch,
  youtube,
  facebook,
  instagram,
  x,
  linkedin,
  reddit,
  amazon,
  chumbox,
];

/** The adapters for a platform, plus those that run everywhere (platforms ["*"]), also when it is unknown. */
export function adaptersFor(platform: string | null): PlatformAdapter[] {
  return ADAPTERS.filter((a) => a.platforms.includes('*') || (platform !== null && a.platforms.includes(platform)));
}
