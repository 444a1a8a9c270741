/**
 * The sentence of a customer's message the studio suggests quoting: the most praising, specific
 * one that reads well on a wall (40–200 characters), never one holding an email address, a phone
 * number or a link, which a public wall must not show (PRODUCT.md, "Private by default").
 *
 * @example
 * suggestQuote('Delivery was late. The Guji tastes of blueberries, best coffee I have had!');
 * // 'The Guji tastes of blueberries, best coffee I have had!'
 */
import { triage } from '@tandem/triage';
import { findContact } from './contact.js';

/** A wall card reads best between these lengths; shorter is vague, longer gets cut by the reader's eye. */
const SHORTEST = 40;
const LONGEST = 200;
const LINK = /\bhttps?:\/\/|\bwww\.|\b[a-z0-9-]+\.(?:com|net|org|io|co|app|dev|shop|store)\b/i;

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** The message's sentences as written (trimmed), in order. */
export function sentencesOf(message: string): string[] {
  return [...segmenter.segment(message)].map((s) => s.segment.trim()).filter((s) => s.length > 0);
}

/** Whether a sentence may go on a public wall at all (a link in look-alike letters, ｗｗｗ．, too). */
export const quotable = (sentence: string) => findContact(sentence) === null && !LINK.test(sentence.normalize('NFKC'));

/** How well a sentence would serve as a testimonial: praise first, then specific, then the right length. */
function appeal(sentence: string): number {
  const { label, sentiment } = triage({ text: sentence });
  const praise = label === 'praise' ? 0.5 : 0;
  // A warm sentence of a card's length beats a louder cheer ("Great!") that says nothing.
  const fits = sentence.length >= SHORTEST && sentence.length <= LONGEST ? 1 : 0;
  // More words (up to a wall card's worth) usually means more detail: "the Guji tastes of blueberries" over "great!".
  const detail = Math.min(sentence.split(/\s+/).length, 25) / 50;
  return praise + sentiment + fits + detail;
}

/**
 * The sentence to suggest, or null when no sentence may be quoted. A one-sentence message is
 * suggested whole if it is quotable, whatever its length: there is nothing better to offer.
 */
export function suggestQuote(message: string): string | null {
  const candidates = sentencesOf(message).filter(quotable);
  if (candidates.length <= 1) return candidates[0] ?? null;
  let best = candidates[0]!;
  let bestAppeal = -Infinity;
  for (const sentence of candidates) {
    const score = appeal(sentence);
    if (score > bestAppeal) [best, bestAppeal] = [sentence, score];
  }
  return best;
}
