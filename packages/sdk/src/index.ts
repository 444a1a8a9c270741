/**
 * @tandem/sdk: send feedback to Tandem from your own app.
 * API types come from the worker's own schemas, so the SDK and the API cannot drift apart.
 */
export { createClient } from './client.js';
export type { Client, ClientEvents, User } from './client.js';
export { newIdempotencyKey } from './api.js';
export type { ClientOptions, PublicApi, SubmitOptions, UpdateOptions } from './api.js';
export { TandemError, DEFAULT_MESSAGES } from './errors.js';
export type { TandemErrorCode, ClientErrorCode } from './errors.js';
export type {
  FeedbackInput,
  FeedbackCreated,
  FeedbackUpdate,
  FeedbackUpdated,
  Label,
  Route,
  Category,
  ErrorCode,
  DeliveryEvent,
  FeedbackEvent,
  TestEvent,
} from '@tandem/worker/types';
export { createOutbox, outboxStorageKey } from './outbox.js';
export type { Outbox, OutboxOptions, OutboxResult } from './outbox.js';
export { verifyWebhook, WebhookVerificationError } from './webhooks.js';
export type { VerifyWebhookOptions, WebhookErrorCode, WebhookHeaders } from './webhooks.js';
