/**
 * The events receivers get: `{ type, timestamp, data }`. Built when the delivery is created and
 * stored with it, so every attempt and every replay sends the same bytes.
 */
import type { Decision } from '@tandem/triage';
import { contactOf } from '../db/feedback.js';
import type { FeedbackEventData, TestEvent } from '../schemas/delivery.js';
import type { FeedbackInput } from '../schemas/feedback.js';

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

/** What a receiver needs of a new message. The email and name appear only when there is one. */
export function feedbackEventData(
  f: { id: string; siteId: string; input: FeedbackInput; decision: Decision; createdAt: string },
  dashboard: string,
): FeedbackEventData {
  const { input, decision } = f;
  const { email, name } = contactOf(input);
  return {
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
    ...(email !== null && { email }),
    ...(name !== null && { name }),
    pageUrl: input.pageUrl ?? null,
    createdAt: f.createdAt,
    link: feedbackLink(dashboard, f.id),
  };
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
