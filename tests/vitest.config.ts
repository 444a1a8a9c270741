import { defineProject } from 'vitest/config';

// End-to-end: real headless Chromium (playwright-core, Debian's chromium) against `wrangler dev`,
// and a real local webhook receiver for the destinations the settings add.
export default defineProject({
  test: {
    name: 'e2e',
    include: ['e2e/**/*.test.ts'],
    globalSetup: ['./support/wrangler-dev.ts', './support/webhook-receiver.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // expect.poll's default second is too short for a round trip to wrangler dev while its queue
    // consumer is busy on a loaded 2-core machine; it still ends as soon as the value is right.
    expect: { poll: { timeout: 15_000 } },
  },
});
