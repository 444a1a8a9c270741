/**
 * The API's types for clients (the SDK imports them type-only). Everything here is inferred from
 * the schemas the routes validate with, so clients and the API cannot drift apart. Keep this
 * file free of Workers runtime types: browser code compiles against it.
 */
import type { FeedbackInput as FeedbackInputWire } from './schemas/feedback.js';

/** A message to submit. The key and idempotency key travel in headers. */
export type FeedbackInput = Omit<FeedbackInputWire, 'siteKey' | 'idempotencyKey'>;
export type { FeedbackCreated, Feedback, FeedbackUpdate, FeedbackUpdated } from './schemas/feedback.js';
export type {
  Testimonial,
  StudioTestimonial,
  StudioTestimonialDetail,
  TestimonialEdit,
  TestimonialCreate,
  TestimonialUpdate,
  TestimonialStatus,
} from './schemas/testimonial.js';
export type { SiteSettings, SiteUpdate, Key, CreatedKey, SiteCreated, Me } from './schemas/site.js';
export type { FeedbackDetail, FeedbackEvent as FeedbackLogEntry, ByWhom } from './schemas/inbox.js';
export type { Stats } from './schemas/stats.js';
export type { Alert, SurgeEvent } from './schemas/alert.js';
export type { Destination, DestinationCreated, DestinationInput, DestinationUpdate } from './schemas/destination.js';
export type { Delivery, DeliveryAttempt, DeliveryEvent, EventType, FeedbackEvent, TestEvent } from './schemas/delivery.js';
export type { ErrorCode, ErrorEnvelope } from './schemas/error.js';
export type { Label, Route, Category } from '@tandem/triage';
