// The learned part of triage: two linear heads over hashed features (see training/train.mjs).
// The weights are decoded once, at first use, from the generated module.
import type { Features } from './features.js';
import {
  INTENT_BITS,
  INTENT_CLASSES,
  INTENT_SCALE,
  INTENT_WEIGHTS,
  POLARITY_BITS,
  POLARITY_CLASSES,
  POLARITY_SCALE,
  POLARITY_WEIGHTS,
  THRESHOLDS,
} from './model/weights.js';

/** The cuts decide() reads: praise, positive (see thresholdsFor) and complaint. */
export interface Thresholds {
  praise: number;
  positive: number;
  complaint: number;
}

const SHORT: Thresholds = { praise: THRESHOLDS.praise, positive: THRESHOLDS.positive, complaint: THRESHOLDS.complaint };
const LONG: Thresholds = { ...SHORT, positive: THRESHOLDS.positiveLong };

/**
 * The calibrated cuts for this message. A long one needs a higher positive share to be praise:
 * complaints written as long reviews sound positive more often (training/train.mjs calibrates both).
 */
export function thresholdsFor(f: Features): Thresholds {
  return f.count >= THRESHOLDS.longFrom ? LONG : SHORT;
}

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
  width: 2 | 4;
  scale: number;
}

let heads: { polarity: Head; intent: Head } | undefined;

function decode(base64: string): Int8Array {
  const binary = atob(base64);
  const bytes = new Int8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i) << 24 >> 24;
  return bytes;
}

/** The order score() reads the intent head in; a retrain that changed it must not swap labels. */
const INTENT_ORDER = 'complaint question idea praise other';

function load() {
  if (heads) return heads;
  if (INTENT_CLASSES.join(' ') !== INTENT_ORDER) throw new Error(`intent classes changed: ${INTENT_CLASSES.join(' ')}`);
  heads = {
    polarity: { weights: decode(POLARITY_WEIGHTS), mask: (1 << POLARITY_BITS) - 1, width: 2, scale: POLARITY_SCALE },
    intent: { weights: decode(INTENT_WEIGHTS), mask: (1 << INTENT_BITS) - 1, width: 4, scale: INTENT_SCALE },
  };
  return heads;
}

/** Softmax over [0, stored logits...]: integer sums first, one multiply per class after. */
function probabilities(head: Head, ids: Uint32Array, count: number): Float64Array {
  const z = new Float64Array(head.width + 1);
  const { weights, mask, width } = head;
  // The polarity head stores 2 values per bucket and intent 4: unrolled, each sum stays in a register.
  if (width === 2) {
    let a = 0;
    let b = 0;
    for (let i = 0; i < count; i++) {
      const at = (ids[i]! & mask) << 1;
      a += weights[at]!;
      b += weights[at + 1]!;
    }
    z[1] = a;
    z[2] = b;
  } else {
    let a = 0;
    let b = 0;
    let c = 0;
    let d = 0;
    for (let i = 0; i < count; i++) {
      const at = (ids[i]! & mask) << 2;
      a += weights[at]!;
      b += weights[at + 1]!;
      c += weights[at + 2]!;
      d += weights[at + 3]!;
    }
    z[1] = a;
    z[2] = b;
    z[3] = c;
    z[4] = d;
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
  const p = probabilities(polarity, f.ids, f.count);
  const i = probabilities(intent, f.ids, f.count);
  return {
    polarity: { negative: p[0]!, neutral: p[1]!, positive: p[2]! },
    intent: { complaint: i[0]!, question: i[1]!, idea: i[2]!, praise: i[3]!, other: i[4]! },
  };
}

/** A clause this short ("ok.", "meh") is not a complaint to hold praise back for. */
const MIN_CLAUSE_WORDS = 3;
const CLAUSE_END = new Set(['.', '!', '?', 'but', '!but']);

/**
 * The negative share of a message's most negative clause (sentence, or part after "but"), each
 * scored alone from the message's own features: a review that praises the location and then says
 * "the rooms need renovation, dank smell" shows its complaint. 0 for a message of one clause.
 */
export function worstClause(f: Features): number {
  const { polarity } = load();
  const { tokens, own, ids } = f;
  // [first token, end token) of each clause with words in it.
  const clauses: [number, number][] = [];
  let start = 0;
  for (let t = 0; t <= tokens.length; t++) {
    if (t < tokens.length && !CLAUSE_END.has(tokens[t]!)) continue;
    if (t > start) clauses.push([start, t]);
    start = t + 1;
  }
  if (clauses.length < 2) return 0;
  let worst = 0;
  for (const [first, end] of clauses) {
    if (end - first < MIN_CLAUSE_WORDS) continue;
    // The bias, then the clause's tokens with the pairs between them (see Features.own).
    const from = own[first]! - 1;
    const to = own[end]! - 1;
    const clause = new Uint32Array(to - from + 1);
    clause[0] = ids[0]!;
    clause.set(ids.subarray(from, to), 1);
    worst = Math.max(worst, probabilities(polarity, clause, clause.length)[0]!);
  }
  return worst;
}

/** Each token's pull towards positive (> 0) or negative (< 0) wherever it stands, in logits. */
export function tokenTones(f: Features): Float64Array {
  const { weights, mask, width, scale } = load().polarity;
  const tones = new Float64Array(f.tokens.length);
  for (let t = 0; t < tones.length; t++) {
    let sum = 0;
    // Its word and pieces, not the pairs it is part of. Stored per bucket: neutral − negative, positive − negative.
    for (let i = f.own[t]!; i < f.own[t + 1]! - 1; i++) sum += weights[(f.ids[i]! & mask) * width + 1]!;
    tones[t] = sum * scale;
  }
  return tones;
}
