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
  const { ids, count } = f;
  // The polarity head stores 2 values per bucket and intent 4: unrolled, each sum stays in a register.
  if (width === 2) {
    let a = 0;
    let b = 0;
    for (let i = 0; i < count; i++) {
      const at = (ids[i]! & mask) * 2;
      a += weights[at]!;
      b += weights[at + 1]!;
    }
    z[1] = a;
    z[2] = b;
  } else {
    for (let i = 0; i < count; i++) {
      const at = (ids[i]! & mask) * width;
      for (let k = 0; k < width; k++) z[k + 1]! += weights[at + k]!;
    }
  }
  const scale = head.scale / Math.sqrt(Math.max(1, count));
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
    intent: { complaint: i[0]!, question: i[1]!, idea: i[2]!, praise: i[3]!, other: i[4]! },
  };
}

/** A word's pull towards positive (> 0) or negative (< 0) on its own, in logits. */
export function wordTone(word: string): number {
  let tone = tones.get(word);
  if (tone !== undefined) return tone;
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
  tone = (alone(featurize(text)) - empty) * polarity.scale;
  // Customers reuse the same few thousand words; the cap keeps a flood of new ones from growing it.
  if (tones.size >= MAX_TONES) tones.clear();
  tones.set(word, tone);
  return tone;
}

const MAX_TONES = 20_000;
const tones = new Map<string, number>();
let empty: number | undefined;
