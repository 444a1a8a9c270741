import type { AdminClient } from '@tandem/sdk/admin';
import type { Me, Session } from './session.js';

export type FeedbackDetail = Awaited<ReturnType<AdminClient['feedback']['get']>>;
export type FeedbackItem = Awaited<ReturnType<AdminClient['feedback']['list']>>['data'][number];
export type Candidate = Awaited<ReturnType<AdminClient['testimonials']['candidates']>>['data'][number];
export type TestimonialDetail = Awaited<ReturnType<AdminClient['testimonials']['get']>>;
export type TestimonialItem = Awaited<ReturnType<AdminClient['testimonials']['list']>>['data'][number];

/** `tandem-signed-in`: a key that the API accepted, with what it is. */
export interface SignedInDetail {
  session: Session;
  me: Me;
}

/** `tandem-feedback-changed`: a message as the API answered after a change made in the pane. */
export type FeedbackChangedDetail = FeedbackDetail;

/** `tandem-testimonial-changed`: a testimonial as the API answered after a change made in the studio. */
export type TestimonialChangedDetail = TestimonialDetail;

/** `tandem-announce`: words for the screen reader's live region (and the eye). */
export interface AnnounceDetail {
  message: string;
}

/** `tandem-sign-out`: the session's key stopped working (e.g. it was just revoked here); why, for the sign-in page. */
export interface SignOutDetail {
  notice: string;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'tandem-signed-in': CustomEvent<SignedInDetail>;
    'tandem-feedback-changed': CustomEvent<FeedbackChangedDetail>;
    'tandem-testimonial-changed': CustomEvent<TestimonialChangedDetail>;
    'tandem-announce': CustomEvent<AnnounceDetail>;
    'tandem-sign-out': CustomEvent<SignOutDetail>;
    'tandem-dismiss': CustomEvent<null>;
  }
}

/** An event that leaves the shadow root it starts in, as every dashboard event does. */
export const dashboardEvent = <K extends keyof GlobalEventHandlersEventMap>(
  type: K,
  detail: GlobalEventHandlersEventMap[K] extends CustomEvent<infer D> ? D : never,
) => new CustomEvent(type, { detail, bubbles: true, composed: true });
