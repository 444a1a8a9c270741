// The learned part of triage: two linear heads over hashed features (see training/train.mjs).
// The weights are decoded once, at first use, from the generated module.
import { featurize, type Features } from './features.js';
import {
  INTENT_BITS,
  INTENT_CLASSES,
  INTENT_SCALE,
  INTENT_WEIGHTS,
  POLARITY_BITS,
  POLARITY_CLASSES,
  POLARITY_SCALE,
  POLARITY_WEIGHTS,
} from './model/weights.js';

export { THRESHOLDS } from './model/weights.js';

export type Intent = (typeof INTENT_CLASSES)[number];

export interface Scores {
  /** Probabilities of negative, neutral and positive. */
  polarity: { negative: number; neutral: number; positive: number };
  /** Probabilities of what the message is. */
  intent: Record<Intent, number>;
}

interface Head {
  weights: Int8Array;
  mask: number;
  /** Stored values per bucket: one per class but the first, whose logit is 0. */
  width: number;
  scale: number;
}

let heads: { polarity: Head; intent: Head } | undefined;

function decode(base64: string): Int8Array {
  const binary = atob(base64);
  const bytes = new Int8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i) << 24 >> 24;
  return bytes;
}

function load() {
  heads ??= {
    polarity: { weights: decode(POLARITY_WEIGHTS), mask: (1 << POLARITY_BITS) - 1, width: 2, scale: POLARITY_SCALE },
    intent: { weights: decode(INTENT_WEIGHTS), mask: (1 << INTENT_BITS) - 1, width: INTENT_CLASSES.length - 1, scale: INTENT_SCALE },
  };
  return heads;
}

/** Softmax over [0, stored logits...]: integer sums first, one multiply per class after. */
function probabilities(head: Head, f: Features): Float64Array {
  const z = new Float64Array(head.width + 1);
  const { weights, mask, width } = head;
  for (let i = 0; i < f.count; i++) {
    const at = (f.ids[i]! & mask) * width;
    for (let k = 0; k < width; k++) z[k + 1]! += weights[at + k]!;
  }
  const scale = head.scale / Math.sqrt(Math.max(1, f.count));
  let max = 0;
  for (let k = 1; k <= width; k++) max = Math.max(max, z[k]! * scale);
  let sum = 0;
  for (let k = 0; k <= width; k++) sum += z[k] = Math.exp(z[k]! * scale - max);
  for (let k = 0; k <= width; k++) z[k]! /= sum;
  return z;
}

export function score(f: Features): Scores {
  const { polarity, intent } = load();
  const p = probabilities(polarity, f);
  const i = probabilities(intent, f);
  return {
    polarity: { negative: p[0]!, neutral: p[1]!, positive: p[2]! },
    intent: Object.fromEntries(INTENT_CLASSES.map((c, k) => [c, i[k]!])) as Record<Intent, number>,
  };
}

/** A word's pull towards positive (> 0) or negative (< 0) on its own, in logits. */
export function wordTone(word: string): number {
  const { polarity } = load();
  const alone = (f: Features) => {
    let sum = 0;
    // Stored per bucket: neutral − negative, positive − negative.
    for (let i = 0; i < f.count; i++) sum += polarity.weights[(f.ids[i]! & polarity.mask) * polarity.width + 1]!;
    return sum;
  };
  // Its word, pair and character features, less what an empty message scores.
  empty ??= alone(featurize(''));
  const text = word[0] === '!' ? `not ${word.slice(1)}` : word;
  return (alone(featurize(text)) - empty) * polarity.scale;
}

let empty: number | undefined;
