// The public shapes of triage. They stay fixed when the rules give way to a learned model.

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
  /** 0 to 1: how sure the label is; low confidence on complaint/praise sends it to both teams. */
  confidence: number;
  /** Short explanations for the agent who reads the message. */
  reasons: string[];
}
