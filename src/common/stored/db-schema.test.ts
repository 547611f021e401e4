import { describe, expect, it } from 'vitest';
import { DB_SCHEMA } from './db-schema';

describe('DB_SCHEMA', () => {
  it('is storage.local dbSchema', () => {
    expect(`${DB_SCHEMA.area}:${DB_SCHEMA.key}`).toBe('local:dbSchema');
  });

  it('reads a name and a whole positive version, and anything else as unknown (ask the background)', () => {
    expect(DB_SCHEMA.parse({ name: 'adtally', version: 7, extra: 1 })).toEqual({ name: 'adtally', version: 7 });
    for (const junk of [undefined, null, 7, 'adtally', [], { name: 'adtally' }, { version: 7 }, { name: '', version: 7 }, { name: 'adtally', version: 7.5 }, { name: 'adtally', version: 0 }, { name: 'adtally', version: '7' }]) {
      expect(DB_SCHEMA.parse(junk)).toBeNull();
    }
  });
});
