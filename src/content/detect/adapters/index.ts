/**
 * The platform adapters, one module each. Every adapter has a fixture page under e2e/sites/ whose
 * accuracy test fails when the adapter is removed from this list.
 */
import type { PlatformAdapter } from '../types';

export const ADAPTERS: readonly PlatformAdapter[] = [];

export function adaptersFor(platform: string | null): PlatformAdapter[] {
  return platform ? ADAPTERS.filter((a) => a.platforms.includes(platform)) : [];
}
