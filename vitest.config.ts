import { defineConfig } from 'vitest/config';

// One project per runtime; `npm test` (scripts/test.mjs) picks which run.
export default defineConfig({
  test: {
    projects: ['packages/triage', 'packages/worker', 'packages/sdk', 'packages/widget', 'tests'],
  },
});
