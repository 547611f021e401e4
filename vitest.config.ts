import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'bench/**/*.test.ts'],
    // Tests that read layout run in real Chromium instead: vitest.browser.config.ts.
    exclude: ['**/node_modules/**', 'src/**/*.browser.test.ts'],
    environment: 'node',
  },
});
