/**
 * The triage decision for one submitted message: the text, the stars and the category go to
 * @tandem/triage; a 0–10 score is turned into stars first; the widget's spam signals, which
 * triage cannot see, can then make it spam.
 */
import { triage, type Decision } from '@tandem/triage';
import type { FeedbackInput } from '../schemas/feedback.js';

/** Nobody reads a form and writes a message faster than this. */
export const FASTEST_HUMAN_MS = 1500;

// 0–2 → 1 star, 3–4 → 2, 5–6 → 3, 7–8 → 4, 9–10 → 5: the scale's halves meet at 3 stars, and a
// 10 with "checkout is broken" is still a 5 that disagrees with its text (support gets it).
const STARS_BY_SCORE = [1, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5] as const;

/** Stars (1–5) for a 0–10 score, for triage, which reads stars. */
export function starsFromScore(score: number): number {
  return STARS_BY_SCORE[score]!;
}

/** Why the widget's signals say a bot sent the message; empty when they say nothing. */
export function spamReasons(signals: FeedbackInput['signals']): string[] {
  const reasons: string[] = [];
  if (signals?.honeypot) reasons.push('filled a field hidden from people');
  if (signals?.elapsedMs !== undefined && signals.elapsedMs < FASTEST_HUMAN_MS) {
    reasons.push(`sent ${Math.floor(signals.elapsedMs / 100) / 10} s after the form opened`);
  }
  return reasons;
}

export function decideFeedback(input: FeedbackInput): Decision {
  const { message, rating, score, category, signals } = input;
  const stars = score === undefined ? rating : starsFromScore(score);
  const decision = triage({ text: message, rating: stars, category });
  const spam = spamReasons(signals);
  if (spam.length) {
    // Stored and listed like any message, delivered to nobody.
    return { ...decision, label: 'spam', routes: [], confidence: 0.95, reasons: spam, urgency: 'low', topics: [], prRisk: false };
  }
  if (score === undefined) return decision;
  // The agent should read what the customer chose, not the stars triage was given.
  return { ...decision, reasons: decision.reasons.map((r) => (r === `rating ${stars}/5` ? `score ${score}/10` : r)) };
}
