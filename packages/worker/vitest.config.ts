// Worker tests run inside workerd (the Workers runtime) with a real local D1, the real
// wrangler.toml bindings (queues included) and the migrations applied by test/setup.ts. A real
// HTTP receiver for deliveries runs in Node beside them (tests/support/webhook-receiver.ts).
import { fileURLToPath } from 'node:url';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import { defineProject } from 'vitest/config';
import { unstable_readConfig } from 'wrangler';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const wranglerConfig = unstable_readConfig({ config: here('../../wrangler.toml') }, { hideWarnings: true });

export default defineProject({
  plugins: [
    cloudflareTest(async () => ({
      main: here('./src/index.ts'),
      wrangler: { configPath: here('../../wrangler.toml') },
      miniflare: {
        // An empty database of its own, for the test that upgrades a populated schema (test/migrations.test.ts).
        d1Databases: { MIGRATION_DB: 'migration-check' },
        bindings: {
          // As in .dev.vars: the test receiver listens on 127.0.0.1 (tests of the deployed rules unset it).
          LOCAL_DESTINATIONS: 'allow',
          TEST_MIGRATIONS: await readD1Migrations(here('./migrations')),
          DEMO_SEED: await readD1Migrations(here('./seed')),
          // What wrangler.toml asks of the queues and the crons, for the tests that keep it in step with the code.
          QUEUE_CONSUMERS: wranglerConfig.queues.consumers ?? [],
          TRIGGER_CRONS: wranglerConfig.triggers.crons ?? [],
        },
      },
    })),
  ],
  test: {
    name: 'worker',
    include: ['test/**/*.test.ts'],
    setupFiles: ['./test/setup.ts'],
    globalSetup: ['../../tests/support/webhook-receiver.ts'],
  },
});
