/**
 * The events receivers get: `{ type, timestamp, data }`. Built when the delivery is created and
 * stored with it, so every attempt and every replay sends the same bytes.
 */
import type { Decision } from '@tandem/triage';
import { contactOf } from '../db/feedback.js';
import type { FeedbackEventData, TestEvent } from '../schemas/delivery.js';
import type { Feedback, FeedbackInput } from '../schemas/feedback.js';

/**
 * The dashboard's address, without a trailing slash: wrangler.toml's DASHBOARD_URL, or else this
 * worker's own origin + /dashboard.
 */
export function dashboardBase(dashboardUrl: string | undefined, requestUrl: string): string {
  return (dashboardUrl || `${new URL(requestUrl).origin}/dashboard`).replace(/\/+$/, '');
}

export function feedbackLink(dashboard: string, feedbackId: string): string {
  return `${dashboard}/feedback/${feedbackId}`;
}

/** The message as stored, as far as a receiver sees it. */
export type EventSource = Pick<
  Feedback,
  'id' | 'label' | 'routes' | 'urgency' | 'topics' | 'prRisk' | 'rating' | 'score' | 'category' | 'message' | 'email' | 'name' | 'pageUrl' | 'createdAt'
> & { siteId: string };

/** What a receiver needs of a message. The email and name appear only when there is one. */
export function feedbackEventData(f: EventSource, dashboard: string): FeedbackEventData {
  return {
    id: f.id,
    siteId: f.siteId,
    label: f.label,
    routes: f.routes,
    urgency: f.urgency,
    topics: f.topics,
    prRisk: f.prRisk,
    rating: f.rating,
    score: f.score,
    category: f.category,
    message: f.message,
    ...(f.email !== null && { email: f.email }),
    ...(f.name !== null && { name: f.name }),
    pageUrl: f.pageUrl,
    createdAt: f.createdAt,
    link: feedbackLink(dashboard, f.id),
  };
}

/** The same for a message being stored: what the customer sent and the triage's decision. */
export function newFeedbackEventData(
  f: { id: string; siteId: string; input: FeedbackInput; decision: Decision; createdAt: string },
  dashboard: string,
): FeedbackEventData {
  const { input, decision } = f;
  return feedbackEventData(
    {
      id: f.id,
      siteId: f.siteId,
      label: decision.label,
      routes: decision.routes,
      urgency: decision.urgency,
      topics: decision.topics,
      prRisk: decision.prRisk,
      rating: input.rating ?? null,
      score: input.score ?? null,
      category: input.category ?? null,
      message: input.message,
      ...contactOf(input),
      pageUrl: input.pageUrl ?? null,
      createdAt: f.createdAt,
    },
    dashboard,
  );
}

export function testEvent(destination: { id: string; routes: TestEvent['data']['routes'] }, dashboard: string, now: Date): TestEvent {
  return {
    type: 'test',
    timestamp: now.toISOString(),
    data: {
      destinationId: destination.id,
      routes: destination.routes,
      message: 'A test event from Tandem: this destination receives what Tandem sends it.',
      link: dashboard,
    },
  };
}
