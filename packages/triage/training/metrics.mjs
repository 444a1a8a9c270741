// Small pure scoring helpers for eval.mjs. Gold and predicted labels are parallel arrays; a
// prediction may be a value outside the classes (e.g. null for "no route"), which then only
// counts as a miss for the gold class.

/** Share of items whose prediction equals the gold label. */
export function accuracy(gold, pred) {
  if (gold.length === 0) return NaN;
  let right = 0;
  for (let i = 0; i < gold.length; i++) if (gold[i] === pred[i]) right++;
  return right / gold.length;
}

/** Per-class precision, recall and F1 (one-vs-rest). Division by zero gives 0, as in sklearn. */
export function perClass(gold, pred, cls) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < gold.length; i++) {
    const g = gold[i] === cls;
    const p = pred[i] === cls;
    if (g && p) tp++;
    else if (p) fp++;
    else if (g) fn++;
  }
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, support: tp + fn };
}

/** Mean recall over the classes that occur in gold: accuracy that a majority class cannot game. */
export function balancedAccuracy(gold, pred, classes = [...new Set(gold)]) {
  const present = classes.filter((c) => gold.includes(c));
  if (present.length === 0) return NaN;
  return present.reduce((sum, c) => sum + perClass(gold, pred, c).recall, 0) / present.length;
}

/** Unweighted mean of the per-class F1 over the given classes. */
export function macroF1(gold, pred, classes) {
  if (gold.length === 0 || classes.length === 0) return NaN;
  return classes.reduce((sum, c) => sum + perClass(gold, pred, c).f1, 0) / classes.length;
}

/** Precision, recall and F1 of the positive class for boolean gold and predictions. */
export function binary(gold, pred) {
  return perClass(gold, pred, true);
}

/** Nearest-rank percentile (p in 0..100) of an ascending-sorted array. */
export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export const mean = (xs) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
