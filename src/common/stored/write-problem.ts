/**
 * The `writeProblem` key in storage.local: present while the latest database write failed, so the popup can
 * say so plainly even after the service worker restarted (background/storage/write-health.ts). A value
 * without a message reads as no problem.
 */
import type { WriteProblem } from '../types';
import type { StoredKey } from './stored-key';

export const WRITE_PROBLEM: StoredKey<WriteProblem | null> = {
  area: 'local',
  key: 'writeProblem',
  parse(stored) {
    const v = stored as Partial<WriteProblem> | null | undefined;
    return v && typeof v.message === 'string' ? (v as WriteProblem) : null;
  },
};
