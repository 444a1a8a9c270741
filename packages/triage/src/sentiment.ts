// Scores the tone of a message from its tokens: lexicon weights, turned by negation, scaled by
// intensifiers and capitals, with the clause after "but" counting most.
import type { Token } from './text.js';
import {
  CONTRAST, FAILED_WEIGHT, FAILS_WHEN_NEGATED, INTENSIFIERS, NEGATED_NEGATIVE, NEGATED_POSITIVE, WORDS,
  emojiWeight, isNegator,
} from './lexicon.js';

export interface TextSentiment {
  /** The summed weights, unbounded. */
  score: number;
  /** The score squashed into (-1, 1). */
  polarity: number;
  /** How many tokens carried a weight; 0 means the text said nothing about its tone. */
  hits: number;
  positive: string[];
  negative: string[];
  /** As written, e.g. "not good", "nobody answers". */
  negations: string[];
}

/** "not bad at all", "never really works": a negator reaches this many words ahead. */
const NEGATION_SCOPE = 3;
/** An intensifier reaches the next sentiment word within this many words. */
const INTENSIFIER_SCOPE = 2;
/** Shouted words ("BROKEN") weigh more. */
const CAPS_BOOST = 1.3;
// Around the last "but", the first part is discounted and the second stressed.
const BEFORE_CONTRAST = 0.5;
const AFTER_CONTRAST = 1.5;
/** x / sqrt(x² + α): one strong word gives about ±0.8, several saturate towards ±1. */
const SQUASH_ALPHA = 4;

export function squash(x: number): number {
  return x / Math.sqrt(x * x + SQUASH_ALPHA);
}

export function scoreSentiment(tokens: readonly Token[]): TextSentiment {
  let contrastAt = -1;
  tokens.forEach((t, i) => {
    if (t.kind === 'word' && CONTRAST.has(t.text)) contrastAt = i;
  });

  const positive = new Set<string>();
  const negative = new Set<string>();
  const negations = new Set<string>();
  let score = 0;
  let hits = 0;
  let negator = '';
  let negationLeft = 0;
  let negatedBoost = 1;
  let boost = 1;
  let boostLeft = 0;

  tokens.forEach((token, i) => {
    const clause = contrastAt < 0 || i === contrastAt ? 1 : i < contrastAt ? BEFORE_CONTRAST : AFTER_CONTRAST;
    if (token.kind === 'break' || (token.kind === 'word' && CONTRAST.has(token.text))) {
      negationLeft = 0;
      boostLeft = 0;
      return;
    }
    if (token.kind === 'emoji') {
      // Words do not negate emoji: "not sure 😡" is still angry.
      const w = emojiWeight(token.text);
      if (w !== 0) {
        score += w * clause;
        hits++;
        (w > 0 ? positive : negative).add(token.text);
      }
      return;
    }

    const word = token.text;
    if (isNegator(word)) {
      negator = word;
      negationLeft = NEGATION_SCOPE;
      // An intensifier before the negator stresses the failure: "STILL not here".
      negatedBoost = boostLeft > 0 ? boost : 1;
      return;
    }
    const intensity = INTENSIFIERS.get(word);
    if (intensity !== undefined) {
      boost = (boostLeft > 0 ? boost : 1) * intensity * (token.caps ? CAPS_BOOST : 1);
      boostLeft = INTENSIFIER_SCOPE;
      if (negationLeft > 0) negationLeft--;
      return;
    }

    const negated = negationLeft > 0;
    let w = negated && FAILS_WHEN_NEGATED.has(word) ? FAILED_WEIGHT : WORDS.get(word) ?? 0;
    if (w === 0) {
      negationLeft = Math.max(0, negationLeft - 1);
      boostLeft = Math.max(0, boostLeft - 1);
      return;
    }
    if (negated) {
      // An intensifier inside a negation is left out: "not very good" is no worse than "not good".
      if (!FAILS_WHEN_NEGATED.has(word)) w *= w > 0 ? NEGATED_POSITIVE : NEGATED_NEGATIVE;
      w *= negatedBoost;
      negations.add(`${negator} ${word}`);
    } else {
      if (boostLeft > 0) w *= boost;
      (w > 0 ? positive : negative).add(word);
    }
    if (token.caps) w *= CAPS_BOOST;
    score += w * clause;
    hits++;
    // One negator or intensifier governs one sentiment word: "no issues and great support".
    negationLeft = 0;
    boostLeft = 0;
  });

  return {
    score,
    polarity: squash(score),
    hits,
    positive: [...positive],
    negative: [...negative],
    negations: [...negations],
  };
}
