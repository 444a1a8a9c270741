import type { FeedbackCreated, TandemErrorCode } from '@tandem/sdk';

/** `tandem-submit`: the message was stored and sorted. The follow-up token stays with the widget. */
export type TandemSubmitDetail = Pick<FeedbackCreated, 'id' | 'label' | 'routes'>;

/**
 * `tandem-error`: the message was not sent; the customer's text is kept in the form. From
 * `<tandem-testimonials>`: the testimonials could not be loaded; the wall keeps its space.
 */
export interface TandemErrorDetail {
  code: TandemErrorCode;
}

/** `tandem-load`: a testimonial wall received its testimonials; `count` is 0 for an empty wall. */
export interface TandemLoadDetail {
  count: number;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'tandem-submit': CustomEvent<TandemSubmitDetail>;
    'tandem-queued': CustomEvent<undefined>;
    'tandem-error': CustomEvent<TandemErrorDetail>;
    'tandem-load': CustomEvent<TandemLoadDetail>;
  }
}
