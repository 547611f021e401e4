/**
 * Placement: where an ad sat (above or below the fold), its size class and its kind, one daily and
 * all-time row per combination (dimension `placement`, schema version 7). The key is the three fields as a
 * JSON array, as cells.ts keys cells, so no value can be read as another. Pure: the write path, the upgrade
 * and the dashboard's sums share it.
 */
import { addInto, ZERO_COUNTS } from './counts';
import type { AdFold, Totals } from './types';

/** What a placement row is the sum of. fold '' is unknown (events stored before version 7, imports without it). */
export interface PlacementFields {
  fold: AdFold | '';
  /** `300x250` … or `other` (ad-size.ts). */
  size: string;
  kind: string;
}

export type PlacementPart = keyof PlacementFields;
export const PLACEMENT_PARTS: readonly PlacementPart[] = ['fold', 'size', 'kind'];

export function placementKey(fields: PlacementFields): string {
  return JSON.stringify([fields.fold, fields.size, fields.kind]);
}

/** The fields of a placement key, or null for a key that is not one (never written by AdTally). */
export function parsePlacementKey(key: string): PlacementFields | null {
  try {
    const value: unknown = JSON.parse(key);
    if (!Array.isArray(value) || value.length !== 3 || !value.every((v) => typeof v === 'string')) return null;
    const [fold, size, kind] = value as string[];
    if (fold !== 'above' && fold !== 'below' && fold !== '') return null;
    return { fold, size: size!, kind: kind! };
  } catch {
    return null;
  }
}

/** Per value of each part (each fold, each size, each kind), the sum of the rows with it. */
export type PlacementSums = Record<PlacementPart, Map<string, Totals>>;

export function sumPlacements(rows: Iterable<{ key: string } & Totals>): PlacementSums {
  const sums: PlacementSums = { fold: new Map(), size: new Map(), kind: new Map() };
  for (const row of rows) {
    const fields = parsePlacementKey(row.key);
    if (!fields) continue;
    for (const part of PLACEMENT_PARTS) {
      const sum = sums[part].get(fields[part]) ?? { ...ZERO_COUNTS };
      addInto(sum, row);
      sums[part].set(fields[part], sum);
    }
  }
  return sums;
}
