import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { TandemErrorCode } from '@tandem/sdk';
import type { Testimonial } from '@tandem/worker/types';
import type { TandemErrorDetail, TandemLoadDetail } from '../events.js';

/** Where a wall reads from; read from the host on every update, so attribute changes apply. */
export interface WallSource {
  siteKey?: string;
  endpoint?: string;
  limit: number;
}

const TIMEOUT_MS = 10_000;

/**
 * Fetches the approved testimonials (`GET /v1/testimonials`, cacheable: the key travels in the
 * query) whenever the site, endpoint or limit changes, and re-renders its host. An answer to an
 * older request, or one arriving after the host left the page, is dropped. Tells the page how it
 * went with `tandem-load` or `tandem-error` on the host.
 */
export class TestimonialsController implements ReactiveController {
  /** Undefined until the first answer arrives (the wall keeps its space); a failed request keeps what was shown. */
  items?: Testimonial[];

  #url = '';
  #abort?: AbortController;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly source: () => WallSource,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const { siteKey, endpoint, limit } = this.source();
    // Nothing to ask for until both are set.
    if (!siteKey || !endpoint) return;
    const url = `${endpoint.replace(/\/+$/, '')}/v1/testimonials?siteKey=${encodeURIComponent(siteKey)}&limit=${limit}`;
    if (url !== this.#url) void this.#load((this.#url = url));
  }

  hostDisconnected(): void {
    this.#abort?.abort();
    this.#abort = undefined;
    // Placed on a page again, it asks again (the browser's cache answers a recent request).
    this.#url = '';
  }

  async #load(url: string): Promise<void> {
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    const timer = setTimeout(() => abort.abort(), TIMEOUT_MS);
    let code: TandemErrorCode | undefined;
    try {
      const response = await fetch(url, { signal: abort.signal, credentials: 'omit' });
      const body = await response.json();
      if (abort !== this.#abort) return;
      // Copied, so an answer that is not a list fails here rather than in render.
      if (response.ok) this.items = [...body.data];
      else code = body?.error?.code || 'invalid_response';
    } catch {
      if (abort !== this.#abort) return;
      code = abort.signal.aborted ? 'timeout' : 'network_error';
    }
    clearTimeout(timer);
    this.host.requestUpdate();
    const detail: TandemErrorDetail | TandemLoadDetail = code ? { code } : { count: this.items!.length };
    this.host.dispatchEvent(new CustomEvent(code ? 'tandem-error' : 'tandem-load', { detail, bubbles: true, composed: true }));
  }
}
