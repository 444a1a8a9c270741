import { defineProject } from 'vitest/config';

// The SDK runs here as a server-side app would (Node, no browser globals) against a real
// `wrangler dev`; the widget exercises it in Chromium in the e2e suite.
export default defineProject({
  test: {
    name: 'sdk',
    include: ['test/**/*.test.ts'],
    globalSetup: ['../../tests/support/wrangler-dev.ts'],
    hookTimeout: 120_000,
    // Some tests wait on wrangler dev's queue (each batch up to a second) and a spawned receiver:
    // vitest's default 5 s left them a second or less on a loaded 2-core machine.
    testTimeout: 30_000,
  },
});
