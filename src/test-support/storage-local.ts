/**
 * storage.local as a plain object, for tests of background code that reads settings through
 * webextension-polyfill: `vi.mock('webextension-polyfill', async () => (await import('…/storage-local')).polyfill)`,
 * then set and read `local` directly.
 */
export const local: Record<string, unknown> = {};

export const polyfill = {
  default: {
    storage: {
      local: {
        get: (key: string) => Promise.resolve(key in local ? { [key]: local[key] } : {}),
        set: (items: Record<string, unknown>) => Promise.resolve(void Object.assign(local, items)),
        remove: (key: string) => Promise.resolve(void delete local[key]),
      },
    },
  },
};
