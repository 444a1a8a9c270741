// Worker tests run inside workerd (the Workers runtime) with a real local D1, the real
// wrangler.toml bindings and the migrations applied by test/setup.ts.
import { fileURLToPath } from 'node:url';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import { defineProject } from 'vitest/config';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineProject({
  plugins: [
    cloudflareTest(async () => ({
      main: here('./src/index.ts'),
      wrangler: { configPath: here('../../wrangler.toml') },
      miniflare: {
        bindings: {
          TEST_MIGRATIONS: await readD1Migrations(here('./migrations')),
          DEMO_SEED: await readD1Migrations(here('./seed')),
        },
      },
    })),
  ],
  test: {
    name: 'worker',
    include: ['test/**/*.test.ts'],
    setupFiles: ['./test/setup.ts'],
  },
});
