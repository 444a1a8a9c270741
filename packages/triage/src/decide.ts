// Chooses the label, its confidence and the teams, from the signals the other modules found.
// Order of trust: explicit wording (spam, question, idea) first, then clear tone in the text, then
// the customer's own rating and category when the text says little.
import type { Category, Label, Route } from './types.js';
import { SPAM_AT } from './rules.js';

/** Below this, a complaint-or-praise call is a guess, so both support and PR see the message. */
export const UNSURE_BELOW = 0.55;
/** |text polarity| from which the text is taken at its word: "broken" (-0.78) is, "a bit slow" is not. */
export const CLEAR = 0.5;
/** |text polarity| from which the text leans enough to contradict a rating. */
const LEANS = 0.3;
/** The blended sentiment beyond which an unclear message counts as complaint or praise. */
const POLAR = 0.25;
/** How far a chosen "problem" or "praise" pulls an unclear message. */
const CATEGORY_PULL = 0.5;
/** When text and rating disagree, confidence stays under UNSURE_BELOW: nobody should guess. */
const DISAGREE_CAP = 0.45;
/** Words the lexicon does not know cannot be trusted much. */
const FOREIGN_FACTOR = 0.6;

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

export interface Signals {
  /** Text tone in (-1, 1) and how many words carried it. */
  polarity: number;
  hits: number;
  /** Blend of text tone and rating, the reported sentiment. */
  sentiment: number;
  /** Any word or emoji at all. */
  hasText: boolean;
  english: boolean;
  rating?: number;
  category?: Category;
  /** 0-2 question signals. */
  question: number;
  idea: boolean;
  /** Spam score; spam from SPAM_AT (twice that for rated or clearly unhappy messages). */
  spam: number;
}

export interface Verdict {
  label: Label;
  routes: Route[];
  confidence: number;
  /** Why the decision went the way it did, beyond the evidence itself. */
  notes: string[];
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

export function decide(s: Signals): Verdict {
  // Bots rarely give stars, and a clearly unhappy customer may well mention "casino" or three
  // links: with either, it takes twice the evidence to file a message away from every team.
  const spamAt = s.rating !== undefined || s.polarity <= -CLEAR ? 2 * SPAM_AT : SPAM_AT;
  if (s.spam >= spamAt) {
    return { label: 'spam', routes: [], confidence: clamp(0.5 + 0.3 * s.spam, 0, 0.95), notes: [] };
  }

  const notes: string[] = [];
  const t = s.polarity;
  const clearNeg = t <= -CLEAR;
  const clearPos = t >= CLEAR;
  const ratingSign = s.rating === undefined ? 0 : Math.sign(s.rating - 3);
  const textLean = Math.abs(t) >= LEANS ? Math.sign(t) : 0;
  const disagree = ratingSign !== 0 && textLean !== 0 && ratingSign !== textLean;
  if (disagree) notes.push('rating and text disagree');

  let label: Label;
  let confidence: number;
  const wantsIdea = !clearNeg && (s.idea || s.category === 'idea');
  const wantsQuestion = !clearNeg && (s.question > 0 || (s.category === 'question' && !clearPos));

  if (wantsIdea && (!wantsQuestion || s.category !== 'question')) {
    // "Could you add Apple Pay?" is a request, not a question, unless the customer said otherwise.
    label = 'idea';
    confidence = s.idea ? 0.75 : 0.6;
  } else if (wantsQuestion) {
    label = 'question';
    confidence = s.question > 0 ? 0.55 + 0.15 * s.question : 0.6;
    if (textLean < 0) confidence -= 0.1;
  } else if (clearNeg || clearPos) {
    // Clear text wins over stars and category: it says what actually happened.
    label = clearNeg ? 'complaint' : 'praise';
    if (clearNeg && s.question > 0) notes.push('angry question: treated as a complaint');
    confidence = 0.4 + 0.4 * Math.abs(t) + (ratingSign === Math.sign(t) ? 0.15 : 0);
  } else {
    // The text is unclear: lean on the rating (inside the sentiment) and the chosen category.
    const pull = s.category === 'problem' ? -CATEGORY_PULL : s.category === 'praise' ? CATEGORY_PULL : 0;
    const lean = s.sentiment + pull;
    if (Math.abs(lean) >= POLAR) {
      label = lean < 0 ? 'complaint' : 'praise';
      confidence = 0.3 + 0.4 * Math.min(1, Math.abs(lean));
    } else {
      label = 'neutral';
      confidence = !s.hasText ? 0.2 : 0.6 - Math.abs(lean) - (s.hits > 0 ? 0.15 : 0);
    }
  }

  // The customer's own choice confirms the label, or was overruled by what they wrote.
  const chosen = s.category === 'problem' ? 'complaint' : s.category;
  if (chosen === label) confidence += 0.1;
  else if (chosen && label !== 'neutral') {
    notes.push(`text overrides chosen category (${s.category})`);
    confidence -= 0.1;
  }

  if (disagree) confidence = Math.min(confidence, DISAGREE_CAP);
  if (!s.english) confidence *= FOREIGN_FACTOR;
  confidence = clamp(confidence, 0.05, 0.95);

  let routes = [...ROUTES_BY_LABEL[label]];
  if ((label === 'complaint' || label === 'praise') && confidence < UNSURE_BELOW) {
    routes = ['support', 'pr'];
    notes.push('unsure: sent to support and PR');
  }
  return { label, routes, confidence, notes };
}
