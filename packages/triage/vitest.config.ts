import { defineProject } from 'vitest/config';

// Triage is pure TypeScript: its tests run in Node; the CLI test runs the built bin.
export default defineProject({
  test: { name: 'triage', include: ['test/**/*.test.ts'] },
});
