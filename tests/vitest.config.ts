import { defineProject } from 'vitest/config';

// End-to-end: real headless Chromium (playwright-core, Debian's chromium) against `wrangler dev`.
export default defineProject({
  test: {
    name: 'e2e',
    include: ['e2e/**/*.test.ts'],
    globalSetup: ['./support/wrangler-dev.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
