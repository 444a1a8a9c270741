// Triage: sorts one customer message into a label and the teams that read it. A learned model
// (two linear heads over hashed word and character features, src/model.ts) reads the tone and
// what the message asks for; rules add what must never be left to a guess: spam, urgency, topics
// and the threat of going public. Synchronous, pure and bounded, so it runs inside every request.
import { CATEGORIES, type Category, type Decision, type TriageInput } from './types.js';
import { prepare, stripLinks, tokenize } from './text.js';
import { featurize } from './features.js';
import { score, thresholdsFor, tokenTones, worstClause } from './model.js';
import { looksEnglish } from './language.js';
import { asksFix, findIdea, questionSignals, spamSignals } from './rules.js';
import { urgencyOf } from './urgency.js';
import { topicsOf } from './topics.js';
import { prRiskOf } from './pr-risk.js';
import { decide } from './decide.js';
import { explain } from './reasons.js';

export type { Category, Decision, Label, Route, Topic, TriageInput, Urgency } from './types.js';
export { CATEGORIES, LABELS, ROUTES } from './types.js';
export { TOPICS } from './topics.js';
export { URGENCIES } from './urgency.js';

/** The text's weight in the reported sentiment, against the rating's RATING_SHARE. */
const TEXT_SHARE = 0.6;
const RATING_SHARE = 0.4;
/** The last "but" (or "however", "although", "except") that has words after it. */
const CONTRAST = /\b(?:but|however|although|though|except|yet)\b(?=[^]*\p{L})(?![^]*\b(?:but|however|although|though|except|yet)\b)/u;

/**
 * Sorts one customer message.
 *
 * @example
 * triage({ text: 'I was charged twice and nobody answers. Posting this on Twitter.' });
 * // { label: 'complaint', routes: ['support', 'pr'], urgency: 'critical', topics: ['billing'], prRisk: true, ... }
 */
export function triage(input: TriageInput): Decision {
  try {
    return sort(input);
  } catch {
    // A bug here must not lose a customer's message: support gets it, labelled as unread.
    return {
      label: 'neutral', routes: ['support'], sentiment: 0, confidence: 0, reasons: ['could not be analysed'],
      urgency: 'normal', topics: [], prRisk: false,
    };
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
  const words = tokenize(withoutLinks);
  const hasText = words.some((t) => t.kind !== 'break');
  const idea = findIdea(lower);
  const question = questionSignals(lower);
  const spam = spamSignals(text.toLowerCase(), links, words, rating !== undefined);

  const features = featurize(text);
  const english = looksEnglish(features.tokens);
  const scores = score(features);
  // A suggestion's polite wording ("it would be great if") is not delight: tone is read without it.
  if (idea) scores.polarity = score(featurize(idea.masked)).polarity;
  const contrast = CONTRAST.exec(lower);
  const verdict = decide({
    scores,
    tail: contrast ? score(featurize(lower.slice(contrast.index + contrast[0].length))).polarity : undefined,
    thresholds: thresholdsFor(features),
    worstClause: () => worstClause(features),
    hasText,
    english,
    rating,
    category,
    question,
    idea: idea !== undefined,
    fix: asksFix(lower),
    spam: spam.score,
  });

  const risk = prRiskOf(lower);
  const urgent = urgencyOf(lower);
  // An alarm the rules are sure of (an order cancelled, money taken twice) is a problem, however calm the words.
  const label = verdict.label === 'neutral' && (urgent.urgency === 'high' || urgent.urgency === 'critical') ? 'complaint' : verdict.label;
  const routes = [...verdict.routes];
  // A public threat alerts PR while support keeps the message.
  if (risk.risk && label !== 'spam') {
    if (!routes.includes('support')) routes.unshift('support');
    if (!routes.includes('pr')) routes.push('pr');
  }
  // Rules find the alarms; the label says whether anyone waits for an answer at all.
  const waiting = label === 'complaint' || label === 'question' || routes.includes('support');
  const urgency = label === 'spam' ? 'low' : urgent.urgency !== 'normal' ? urgent.urgency : waiting ? 'normal' : 'low';
  const sentiment = blend(verdict.tone, hasText && english ? TEXT_SHARE : 0, rating);

  return {
    label,
    routes,
    sentiment: round(sentiment),
    confidence: round(verdict.confidence),
    reasons: explain(
      label,
      {
        tokens: features.tokens, tokenTones: () => tokenTones(features), tone: verdict.tone, rating, category, question, ideaCue: idea?.cue,
        spamReasons: spam.reasons, urgencyCues: label === 'spam' ? [] : urgent.cues, prRiskCues: label === 'spam' ? [] : risk.cues,
        hasText, english,
      },
      verdict.notes,
    ),
    urgency,
    topics: label === 'spam' ? [] : topicsOf(lower),
    prRisk: label !== 'spam' && risk.risk,
  };
}

function isStars(rating: unknown): rating is number {
  return Number.isInteger(rating) && (rating as number) >= 1 && (rating as number) <= 5;
}

/** Text tone and stars (1 → -1, 3 → 0, 5 → 1) in one number, clamped to [-1, 1]. */
function blend(polarity: number, textShare: number, rating: number | undefined): number {
  if (rating === undefined) return textShare > 0 ? polarity : 0;
  const stars = (rating - 3) / 2;
  return Math.min(1, Math.max(-1, (textShare * polarity + RATING_SHARE * stars) / (textShare + RATING_SHARE)));
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
