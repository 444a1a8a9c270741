// Writes the reasons a support agent sees next to the message: the evidence that mattered for
// this label, then the decision's own notes (disagreements, overrides, "unsure").
import type { Category, Label } from './types.js';
import type { TextSentiment } from './sentiment.js';

/** An agent reads the reasons at a glance; more would be noise. */
export const MAX_REASONS = 6;
/** Words listed per reason, for the same reason. */
const MAX_WORDS = 4;

export interface Facts {
  tone: TextSentiment;
  sentiment: number;
  rating?: number;
  category?: Category;
  question: number;
  ideaCue?: string;
  spamReasons: string[];
  hasText: boolean;
  english: boolean;
}

export function explain(label: Label, f: Facts, notes: readonly string[]): string[] {
  const evidence: string[] = [];
  if (label === 'spam') evidence.push(...f.spamReasons);
  if (label === 'question' && f.question > 0) evidence.push('question');
  if (label === 'idea' && f.ideaCue) evidence.push(`suggestion: "${f.ideaCue.trim()}"`);
  if (f.rating !== undefined) evidence.push(`rating ${f.rating}/5`);
  if (f.category) evidence.push(`customer chose: ${f.category}`);

  const negative = list('negative words', f.tone.negative);
  const positive = list('positive words', f.tone.positive);
  // The side that won comes first.
  evidence.push(...(f.sentiment > 0 ? [positive, negative] : [negative, positive]).filter((r) => r !== ''));
  evidence.push(list('negation', f.tone.negations));
  if (label !== 'question' && label !== 'spam' && f.question > 0) evidence.push('question');

  if (label !== 'spam') {
    if (!f.hasText) evidence.push('no text');
    else if (!f.english) evidence.push('language not recognised');
    else if (label === 'neutral' && f.tone.hits === 0) evidence.push('no clear sentiment');
  }

  const kept = evidence.filter((r) => r !== '').slice(0, Math.max(0, MAX_REASONS - notes.length));
  return [...kept, ...notes].slice(0, MAX_REASONS);
}

function list(title: string, words: readonly string[]): string {
  return words.length ? `${title}: ${words.slice(0, MAX_WORDS).join(', ')}` : '';
}
