import type { D1Migration } from 'cloudflare:test';
import type { Bindings } from '../src/env.js';

declare global {
  namespace Cloudflare {
    interface Env extends Bindings {
      TEST_MIGRATIONS: D1Migration[];
      DEMO_SEED: D1Migration[];
    }
    // Types `exports.default` from "cloudflare:workers" as the worker's own default export.
    interface GlobalProps {
      mainModule: typeof import('../src/index.js');
    }
  }
}
