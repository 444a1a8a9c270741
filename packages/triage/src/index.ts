// Triage v0: sorts one customer message into a label and the teams that read it.
// Synchronous, pure and bounded (see MAX_CHARS), so it can run inside every Worker request.
// A learned model will replace the internals; this interface stays.
import { CATEGORIES, type Category, type Decision, type TriageInput } from './types.js';
import { prepare, stripLinks, tokenize } from './text.js';
import { scoreSentiment } from './sentiment.js';
import { looksEnglish } from './language.js';
import { findIdea, questionSignals, spamSignals } from './rules.js';
import { decide } from './decide.js';
import { explain } from './reasons.js';

export type { Category, Decision, Label, Route, TriageInput } from './types.js';
export { CATEGORIES, LABELS, ROUTES } from './types.js';

/** The text's weight in the reported sentiment, against the rating's RATING_SHARE. */
const TEXT_SHARE = 0.6;
const RATING_SHARE = 0.4;
/** Text without any tone word ("ok") still tempers the stars a little. */
const TONELESS_TEXT_SHARE = 0.2;

/**
 * Sorts one customer message.
 *
 * @example
 * triage({ text: 'Checkout is broken', rating: 5 });
 * // { label: 'complaint', routes: ['support', 'pr'], reasons: [..., 'rating and text disagree', ...] }
 */
export function triage(input: TriageInput): Decision {
  try {
    return sort(input);
  } catch {
    // A bug here must not lose a customer's message: support gets it, labelled as unread.
    return { label: 'neutral', routes: ['support'], sentiment: 0, confidence: 0, reasons: ['could not be analysed'] };
  }
}

function sort(input: TriageInput): Decision {
  // Callers from plain JavaScript may send anything; whatever is not valid is ignored.
  const raw = typeof input?.text === 'string' ? input.text : '';
  const rating = isStars(input?.rating) ? input.rating : undefined;
  const category = CATEGORIES.includes(input?.category as Category) ? input.category : undefined;

  const text = prepare(raw);
  const { text: withoutLinks, links } = stripLinks(text);
  const lower = withoutLinks.toLowerCase();
  const tokens = tokenize(withoutLinks);
  const idea = findIdea(lower);
  // Scored without the suggestion wording, whose "great" or "love" is politeness, not praise.
  const tone = scoreSentiment(idea ? tokenize(idea.masked) : tokens);
  const question = questionSignals(lower);
  const spam = spamSignals(text.toLowerCase(), links, tokens, rating !== undefined);
  const english = looksEnglish(tokens);
  const hasText = tokens.some((t) => t.kind !== 'break');

  const sentiment = blend(tone.polarity, tone.hits > 0 ? TEXT_SHARE : hasText ? TONELESS_TEXT_SHARE : 0, rating);

  const verdict = decide({
    polarity: tone.polarity,
    hits: tone.hits,
    sentiment,
    hasText,
    english,
    rating,
    category,
    question,
    idea: idea !== undefined,
    spam: spam.score,
  });

  return {
    label: verdict.label,
    routes: verdict.routes,
    sentiment: round(sentiment),
    confidence: round(verdict.confidence),
    reasons: explain(
      verdict.label,
      { tone, sentiment, rating, category, question, ideaCue: idea?.cue, spamReasons: spam.reasons, hasText, english },
      verdict.notes,
    ),
  };
}

function isStars(rating: unknown): rating is number {
  return Number.isInteger(rating) && (rating as number) >= 1 && (rating as number) <= 5;
}

/** Text tone and stars (1 → -1, 3 → 0, 5 → 1) in one number, clamped to [-1, 1]. */
function blend(polarity: number, textShare: number, rating: number | undefined): number {
  if (rating === undefined) return polarity;
  const stars = (rating - 3) / 2;
  return Math.min(1, Math.max(-1, (textShare * polarity + RATING_SHARE * stars) / (textShare + RATING_SHARE)));
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
