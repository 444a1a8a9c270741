import type { FeedbackCreated, TandemErrorCode } from '@tandem/sdk';

/** `tandem-submit`: the message was stored and sorted. The follow-up token stays with the widget. */
export type TandemSubmitDetail = Pick<FeedbackCreated, 'id' | 'label' | 'routes'>;

/** `tandem-error`: the message was not sent; the customer's text is kept in the form. */
export interface TandemErrorDetail {
  code: TandemErrorCode;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'tandem-submit': CustomEvent<TandemSubmitDetail>;
    'tandem-queued': CustomEvent<undefined>;
    'tandem-error': CustomEvent<TandemErrorDetail>;
  }
}
