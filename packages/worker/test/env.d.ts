import type { D1Migration } from 'cloudflare:test';
import type { Bindings } from '../src/env.js';

declare global {
  namespace Cloudflare {
    interface Env extends Bindings {
      TEST_MIGRATIONS: D1Migration[];
      MIGRATION_DB: D1Database;
      DEMO_SEED: D1Migration[];
      QUEUE_CONSUMERS: { queue: string; max_retries?: number; dead_letter_queue?: string }[];
      TRIGGER_CRONS: string[];
    }
    // Types `exports.default` from "cloudflare:workers" as the worker's own default export.
    interface GlobalProps {
      mainModule: typeof import('../src/index.js');
    }
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** The webhook receiver's base URL (tests/support/webhook-receiver.ts). */
    receiverUrl: string;
  }
}
