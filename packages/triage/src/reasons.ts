// Writes the reasons a support agent sees next to the message: the evidence that mattered for
// this label, then the decision's own notes (disagreements, overrides, "unsure").
import type { Category, Label } from './types.js';
import { ENGLISH } from './language.js';

/** An agent reads the reasons at a glance; more would be noise. */
export const MAX_REASONS = 8;
/** Words listed per reason, for the same reason. */
const MAX_WORDS = 4;
/**
 * A word must pull this hard (in logits) on its own to be named. Tone words ("broken", "love",
 * "refund") pull 10-25; most filler only 1-5, from its character pieces ("after", "support").
 */
const NAMED_TONE = 5;
/** Common words (see ENGLISH in language.ts) that do carry tone, so they may be named. */
const TONE_FUNCTION_WORDS = new Set(['love', 'great', 'good', 'bad', 'thanks', 'thank']);

export interface Facts {
  tokens: readonly string[];
  /** Each token's own pull (see tokenTones in model.ts); asked for only when words are named. */
  tokenTones: () => Float64Array;
  tone: number;
  rating?: number;
  category?: Category;
  question: number;
  ideaCue?: string;
  spamReasons: string[];
  urgencyCues: string[];
  prRiskCues: string[];
  hasText: boolean;
  english: boolean;
}

export function explain(label: Label, f: Facts, notes: readonly string[]): string[] {
  const evidence: string[] = [];
  if (label === 'spam') evidence.push(...f.spamReasons);
  if (label === 'question' && f.question > 0) evidence.push('question');
  if (label === 'idea' && f.ideaCue) evidence.push(`suggestion: "${f.ideaCue.trim()}"`);
  if (f.urgencyCues.length) evidence.push(`urgent: ${f.urgencyCues.join(', ')}`);
  if (f.prRiskCues.length) evidence.push(`may go public: ${f.prRiskCues.join(', ')}`);
  if (f.rating !== undefined) evidence.push(`rating ${f.rating}/5`);
  if (f.category) evidence.push(`customer chose: ${f.category}`);

  if (label !== 'spam' && f.english) {
    const { negative, positive } = toneWords(f.tokens, f.tokenTones());
    const neg = list('negative words', negative);
    const pos = list('positive words', positive);
    // The side that won comes first.
    evidence.push(...(f.tone > 0 ? [pos, neg] : [neg, pos]));
  }
  if (label !== 'spam') {
    if (!f.hasText) evidence.push('no text');
    else if (!f.english) evidence.push('language not recognised');
  }

  const kept = evidence.filter((r) => r !== '').slice(0, Math.max(0, MAX_REASONS - notes.length));
  return [...kept, ...notes].slice(0, MAX_REASONS);
}

/** The words that pull hardest each way, as written ("!good" is shown as "not good"). */
function toneWords(tokens: readonly string[], tones: Float64Array): { negative: string[]; positive: string[] } {
  const named: { token: string; tone: number }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const tone = tones[i]!;
    if (tone < NAMED_TONE && tone > -NAMED_TONE) continue;
    const token = tokens[i]!;
    const word = token[0] === '!' ? token.slice(1) : token;
    // "was" or "my" may lean one way in the data, but naming them explains nothing.
    if ((ENGLISH.has(word) && !TONE_FUNCTION_WORDS.has(word)) || !isWord(word)) continue;
    if (!named.some((n) => n.token === token)) named.push({ token, tone });
  }
  named.sort((a, b) => Math.abs(b.tone) - Math.abs(a.tone));
  const show = (t: string) => (t[0] === '!' ? `not ${t.slice(1)}` : t);
  const negative: string[] = [];
  const positive: string[] = [];
  for (const { token, tone } of named) (tone < 0 ? negative : positive).push(show(token));
  return { negative, positive };
}

/** Holds a letter or an emoji (not only punctuation, digits or an emoticon). ASCII is tried first: it is cheaper. */
const isWord = (t: string) => /[a-z]/.test(t) || /\p{L}|\p{Extended_Pictographic}/u.test(t);

function list(title: string, words: readonly string[]): string {
  return words.length ? `${title}: ${words.slice(0, MAX_WORDS).join(', ')}` : '';
}
