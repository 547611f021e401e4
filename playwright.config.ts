import { defineConfig } from '@playwright/test';

/**
 * The e2e suite drives real browsers with the built extension (dist/). One worker: each test launches its
 * own browser with a fresh profile, and two cores cannot run two browsers without skewing timing.
 *
 * Two projects:
 * - `browsers`: every spec, on an otherwise idle machine.
 * - `under load`: the specs that prove counting (counting, measurement, delivery, clicks) again while
 *   busy processes hold every core (e2e/busy-cores.ts): counts must be exact on a loaded machine too.
 *   `E2E_BUSY_CORES` sets how many processes (default: 3, one more than this machine's 2 cores).
 *
 * No retries: a count that is exact only on the second try is wrong on the first, and a test that needs a
 * retry is a bug to find, not a pass.
 */
const busyCores = Number(process.env.E2E_BUSY_CORES ?? 3);

export default defineConfig<object, { busyCores: number }>({
  testDir: './e2e',
  testMatch: /.*\.spec\.ts$/,
  workers: 1,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  retries: 0,
  reporter: [['list']],
  use: { trace: 'off' },
  projects: [
    { name: 'browsers' },
    {
      name: 'under load',
      testMatch: /(counting|measurement|delivery|clicks)\.spec\.ts$/,
      use: { busyCores },
    },
  ],
});
