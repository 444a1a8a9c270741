// The public shapes of triage.
import type { Topic } from './topics.js';
import type { Urgency } from './urgency.js';

export type { Topic } from './topics.js';
export type { Urgency } from './urgency.js';

/** What a message is. */
export type Label = 'complaint' | 'question' | 'idea' | 'praise' | 'neutral' | 'spam';

/** The team that reads it. */
export type Route = 'support' | 'product' | 'pr';

/** What the customer picked in the widget. */
export type Category = 'problem' | 'question' | 'idea' | 'praise';

export const LABELS: readonly Label[] = Object.freeze(['complaint', 'question', 'idea', 'praise', 'neutral', 'spam']);
export const ROUTES: readonly Route[] = Object.freeze(['support', 'product', 'pr']);
export const CATEGORIES: readonly Category[] = Object.freeze(['problem', 'question', 'idea', 'praise']);

export interface TriageInput {
  text: string;
  /** Star rating, an integer 1-5; anything else is ignored. */
  rating?: number;
  /** The customer's own choice; a strong prior that clear text can override. */
  category?: Category;
}

export interface Decision {
  label: Label;
  /** Teams that see the message; empty only for spam (kept, never delivered). */
  routes: Route[];
  /** -1 (angry) to 1 (delighted): the text blended with the rating. */
  sentiment: number;
  /** 0 to 1: how sure the label is; an unsure complaint or praise goes to both support and PR. */
  confidence: number;
  /** Short explanations for the agent who reads the message. */
  reasons: string[];
  /** How soon a person should read it: critical for money taken twice, locked accounts, safety, legal threats. */
  urgency: Urgency;
  /** What it is about (billing, bug, delivery, ...), at most three. */
  topics: Topic[];
  /** The customer threatens to go public (social media, press, reviews, lawyers): PR is alerted too. */
  prRisk: boolean;
}
