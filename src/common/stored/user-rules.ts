/**
 * The `userRules` key in storage.local: the user's own rules as one text (common/user-rules.ts parses it),
 * edited on the options page and appended to by on-page audit corrections. Anything but a string reads as
 * no rules.
 */
import type { StoredKey } from './stored-key';

export const USER_RULES: StoredKey<string> = {
  area: 'local',
  key: 'userRules',
  parse: (stored) => (typeof stored === 'string' ? stored : ''),
};
