// Chooses the label, its confidence and the teams from what the model and the rules found.
// Order of trust: spam wording first; then what the text says (the model, with the question and
// suggestion phrasings); the customer's rating and category when the text says little.
// Praise is the one label that is never guessed: a complaint shown to PR as praise is the worst
// mistake Tandem can make, so praise needs a score that calibration complaints almost never reach
// (THRESHOLDS, see training/train.mjs); a message that only leans positive is "unsure" and goes to
// both support and PR.
import type { Category, Label, Route } from './types.js';
import type { Scores, Thresholds } from './model.js';
import { SPAM_AT } from './rules.js';

export const ROUTES_BY_LABEL: Readonly<Record<Label, readonly Route[]>> = {
  complaint: ['support'],
  question: ['support'],
  idea: ['product'],
  praise: ['pr'],
  // Support reads whatever no other team clearly owns: nothing goes unseen.
  neutral: ['support'],
  // Kept and listable, never delivered.
  spam: [],
};

/** Below this, a complaint is a guess: PR sees it too. */
export const UNSURE_BELOW = 0.55;
/** A negative share from which text is clearly unhappy, whatever else it looks like. */
const CLEARLY_NEGATIVE = 0.7;
/** Text in a language the model does not know is read, but barely trusted. */
const FOREIGN_CONFIDENCE = 0.25;
const UNSURE_NOTE = 'unsure: sent to support and PR';

export interface Signals {
  scores: Scores;
  /** The negative share of the message's most negative clause; read only when all else says praise. */
  worstClause: () => number;
  /** Polarity of the words after the last "but" or "however", when there is one. */
  tail?: Scores['polarity'];
  thresholds: Thresholds;
  /** Any word or emoji at all. */
  hasText: boolean;
  english: boolean;
  rating?: number;
  category?: Category;
  /** 0-2 question signals from the wording. */
  question: number;
  idea: boolean;
  /** The customer asks for something to be fixed. */
  fix: boolean;
  spam: number;
}

export interface Verdict {
  label: Label;
  routes: Route[];
  confidence: number;
  /** Text tone from -1 to 1, before the rating is blended in. */
  tone: number;
  /** Why the decision went the way it did, beyond the evidence itself. */
  notes: string[];
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

export function decide(s: Signals): Verdict {
  const { polarity, intent } = s.scores;
  // Tone, discounted by how likely the text has none: a plain statement stays near 0.
  const toneOf = (p: Scores['polarity']) => (p.positive - p.negative) * (1 - p.neutral);
  // What follows "but" is what the customer means: it weighs as much as the whole message.
  const tone = !s.hasText ? 0 : s.tail ? (toneOf(polarity) + toneOf(s.tail)) / 2 : toneOf(polarity);
  const mixed = s.tail !== undefined && s.tail.negative > s.tail.positive;
  const notes: string[] = [];

  // Bots rarely give stars, and a clearly unhappy customer may well mention "casino" or three
  // links: with either, it takes twice the evidence to file a message away from every team.
  const spamAt = s.rating !== undefined || polarity.negative >= CLEARLY_NEGATIVE ? 2 * SPAM_AT : SPAM_AT;
  if (s.spam >= spamAt) return { label: 'spam', routes: [], confidence: clamp(0.5 + 0.3 * s.spam, 0, 0.95), tone, notes };

  if (!s.hasText || !s.english) return fromRating(s, tone, notes);

  let label: Label;
  let confidence: number;
  let unsure = false;
  const praised = intent.praise >= s.thresholds.praise && polarity.positive >= s.thresholds.positive && !mixed;
  // Praise in every way but for one sentence that is a clear complaint: not praise, whatever the stars.
  const heldBack = praised && s.worstClause() >= CLEARLY_NEGATIVE;
  const negative = polarity.negative >= CLEARLY_NEGATIVE;
  // Asking for a fix ("I wish they would fix the sync") reports a bug, however wishful the words.
  const wantsIdea = !negative && (s.category === 'idea' || (!s.fix && (s.idea || intent.idea >= 0.5)));
  // The wording ("?", "how do I") backs the model's question score; it does not beat a complaint.
  const asks = intent.question + 0.25 * s.question + (s.category === 'question' ? 0.3 : 0);
  // Service desks phrase problems as statements ("I was charged twice"): without question wording
  // or the customer's choice, the model's question score alone does not make a question.
  const worded = s.question > 0 || s.category === 'question';
  // A matter-of-fact report ("my edit button doesn't display") is a complaint in a calm voice: a
  // clear complaint score carries it unless the text sounds positive.
  const reports = intent.complaint >= s.thresholds.complaint && (tone <= 0 || (intent.complaint >= 0.5 && tone <= 0.3));
  const complains = negative || reports || (!worded && intent.question >= 0.5 && tone < 0);
  // A customer who chose "question" is asking, unless the words are clearly unhappy.
  const wantsQuestion =
    !negative && worded && (s.category === 'question' ? tone > -0.3 : asks >= 0.5 && asks > intent.complaint);
  if (wantsIdea && (!wantsQuestion || s.category !== 'question')) {
    // "Could you add Apple Pay?" is a request, not a question, unless the customer said otherwise.
    label = 'idea';
    confidence = Math.max(intent.idea, s.idea ? 0.75 : 0.6);
  } else if (wantsQuestion) {
    label = 'question';
    confidence = Math.max(intent.question, 0.5 + 0.15 * s.question);
  } else if (complains) {
    label = 'complaint';
    confidence = Math.max(intent.complaint, polarity.negative);
    if (s.question > 0) notes.push('angry question: treated as a complaint');
  } else if (praised && !heldBack) {
    label = 'praise';
    confidence = intent.praise;
  } else if (intent.praise > intent.other || tone > 0.3 || mixed || heldBack) {
    // Leans positive, but a complaint could look like this: both teams read it.
    label = 'neutral';
    confidence = 1 - intent.praise;
    unsure = true;
    notes.push(UNSURE_NOTE);
  } else {
    label = 'neutral';
    confidence = Math.max(intent.other, polarity.neutral);
  }

  // Text that says little ("the checkout page", "10/10") leaves the call to the stars and the
  // customer's own category.
  if (label === 'neutral') {
    const lean = leanOf(s);
    const chosen: Label | undefined =
      s.category === 'question' || s.category === 'idea'
        ? s.category
        : lean <= -0.5 ? 'complaint' : lean >= 0.5 && tone > -0.2 && !mixed && !heldBack ? 'praise' : undefined;
    if (chosen) {
      label = chosen;
      confidence = 0.5;
      unsure = false;
      notes.length = 0;
    }
  }

  // The customer's own choice confirms the label, or was overruled by what they wrote.
  const chosen = s.category === 'problem' ? 'complaint' : s.category;
  if (chosen === label) confidence += 0.1;
  else if (chosen && label !== 'neutral') {
    notes.push(`text overrides chosen category (${s.category})`);
    confidence -= 0.1;
  }

  // Stars that contradict the words: support reads it, whichever side is right.
  const ratingSign = s.rating === undefined ? 0 : Math.sign(s.rating - 3);
  const textSign = label === 'complaint' ? -1 : label === 'praise' ? 1 : 0;
  const disagree = ratingSign !== 0 && textSign !== 0 && ratingSign !== textSign;
  if (disagree) notes.push('rating and text disagree');
  else if (ratingSign !== 0 && ratingSign === textSign) confidence += 0.05;

  confidence = clamp(confidence, 0.05, 0.95);
  let routes = [...ROUTES_BY_LABEL[label]];
  if (unsure || (label === 'complaint' && confidence < UNSURE_BELOW)) {
    routes = ['support', 'pr'];
    if (label === 'complaint') notes.push(UNSURE_NOTE);
  }
  if (disagree && !routes.includes('support')) routes = ['support', ...routes];
  return { label, routes, confidence, tone, notes };
}

/** Stars (1 → -1, 5 → 1) plus a chosen "problem" (-1) or "praise" (+1). */
function leanOf(s: Signals): number {
  return (s.rating === undefined ? 0 : (s.rating - 3) / 2) + (s.category === 'problem' ? -1 : s.category === 'praise' ? 1 : 0);
}

/** No words to read, or words the model cannot read: the stars and category decide, softly. */
function fromRating(s: Signals, tone: number, notes: string[]): Verdict {
  const lean = leanOf(s);
  let label: Label = s.category === 'idea' ? 'idea' : s.category === 'question' ? 'question' : 'neutral';
  if (label === 'neutral' && lean <= -0.5) label = 'complaint';
  // Five stars without words is praise to thank, not a quote: PR reads it, and so does support.
  if (label === 'neutral' && lean >= 0.5) label = 'praise';
  let confidence = s.hasText ? FOREIGN_CONFIDENCE : 0.3 + 0.2 * Math.min(1, Math.abs(lean));
  if (!s.english) {
    confidence = Math.min(confidence, FOREIGN_CONFIDENCE);
  }
  let routes = [...ROUTES_BY_LABEL[label]];
  if (label === 'praise' || (label === 'complaint' && confidence < UNSURE_BELOW)) routes = ['support', 'pr'];
  return { label, routes, confidence, tone: s.english ? tone : 0, notes };
}
