import { defineProject } from 'vitest/config';

// Checks of the widget that need no browser (its behaviour is tested in Chromium, in tests/e2e).
export default defineProject({
  test: { name: 'widget', include: ['test/**/*.test.ts'] },
});
