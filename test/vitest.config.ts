import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/helpers/temp-root.ts'],
    // Generous: a loaded CI machine must not turn a slow but correct test red (tests assert no timings).
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
