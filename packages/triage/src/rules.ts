// The few phrasings that decide a label regardless of tone: a question, an idea, spam.
import type { Token } from './text.js';

// ---------------------------------------------------------------------------------------------
// Question: a question mark, a sentence that opens like a question, or a stock phrase.

const GREETING = /^(?:hi|hello|hey|dear \S+|good (?:morning|afternoon|evening))\b[\s,!.-]*/;
// "What a mess" is not a question; "Do not buy" is not either, hence the subject after the verb.
const WH_WORD = String.raw`(?:how|what|where|when|why|who|which)\b(?! an?\b)`;
const VERB_THEN_SUBJECT = String.raw`(?:can|could|is|are|do|does|did|will|would|should|may|has|have|am)\s+` +
  String.raw`(?:i|you|we|it|there|this|that|my|the|your|anyone|someone|somebody|they|u)\b`;
const OPENS_AS_QUESTION = new RegExp(`^(?:${WH_WORD}|${VERB_THEN_SUBJECT})`);
const ASKS = new RegExp(
  String.raw`\b(?:${[
    'how (?:do|can|should|would) (?:i|we|you)', 'how to', 'is there (?:a|any) (?:way|option|setting)',
    'is it possible', 'can i', 'could i', 'where (?:is|are|can|do)', 'any way to', 'wondering (?:if|whether|how)',
    'do you (?:have|offer|ship|sell|accept|support|deliver)', 'when will',
  ].join('|')})\b`,
);

/** How many question signals the text shows (0, 1 or 2); more signals, more confidence. */
export function questionSignals(lower: string): number {
  const mark = lower.includes('?');
  let opening = ASKS.test(lower);
  for (const sentence of opening ? [] : lower.match(/[^.!?\n]+[.!?\n]*/g) ?? []) {
    const s = sentence.trim();
    // "How awful!" opens like a question but is an exclamation.
    if (s.endsWith('!') && !s.includes('?')) continue;
    if (OPENS_AS_QUESTION.test(s.replace(GREETING, ''))) {
      opening = true;
      break;
    }
  }
  return Number(mark) + Number(opening);
}

// ---------------------------------------------------------------------------------------------
// Idea: a suggestion in its usual wording. The wording itself is polite ("it would be great if"),
// so it is masked before scoring tone, or every request would read as praise.

const IDEA_PHRASES = [
  "(?:it )?(?:would|'d) be (?:really |so |very |super )?" +
    '(?:nice|great|good|awesome|cool|helpful|useful|amazing|lovely|handy|ideal|better|fantastic|brilliant|perfect) (?:if|to|for)',
  'please (?:add|consider|support|allow|include|implement|introduce|offer|bring back)',
  '(?:could|can|would) you (?:guys )?(?:please )?(?:add|support|allow|include|implement|introduce|offer|consider|build|bring back)',
  "(?:i'd|would) love (?:to see|it if|if)",
  'i wish',
  'feature requests?',
  '(?:my|a|one|small|quick|little) suggestion',
  'i suggest',
  'you (?:guys )?(?:should|could) (?:add|support|allow|offer|have|make|consider|include|let|build|integrate)',
  'how about adding',
  'why not add',
];
const IDEA = new RegExp(`\\b(?:${IDEA_PHRASES.join('|')})(?!\\w)`, 'g');

export interface IdeaCue {
  /** The first suggestion wording found, for the reason shown to the agent. */
  cue: string;
  /** The text with every suggestion wording blanked out. */
  masked: string;
}

export function findIdea(lower: string): IdeaCue | undefined {
  let cue: string | undefined;
  const masked = lower.replace(IDEA, (m) => {
    cue ??= m;
    return ' ';
  });
  return cue === undefined ? undefined : { cue, masked };
}

// ---------------------------------------------------------------------------------------------
// Spam: each signal adds to a score; at SPAM_AT the message is spam. Weak signals ("click here",
// one link, "crypto") need company, so a customer asking "do you accept crypto?" is not spam.

export const SPAM_AT = 1;

const SPAM_WORDS: readonly [RegExp, number, string][] = [
  [/\b(?:viagra|cialis)\b/, 1, 'viagra'],
  [/\bcasinos?\b/, 1, 'casino'],
  [/\bporn/, 1, 'porn'],
  [/\bseo (?:services?|agency|experts?)\b|\bbacklinks?\b/, 1, 'seo services'],
  // Weak: shops have "Buy now" buttons that customers complain about.
  [/\bbuy now\b/, 0.5, 'buy now'],
  [/\bearn (?:up to )?\$|\b(?:free|easy|fast|make) money\b/, 1, 'earn $'],
  [/\bclick here\b/, 0.5, 'click here'],
  [/\b(?:crypto\w*|bitcoin|forex)\b/, 0.5, 'crypto'],
];
const PER_LINK = 0.4;
/** A run of one letter or digit this long or longer counts as filler: "aaaaaaa", "1111". */
const REPEATED_RUN = /([\p{L}\p{N}])\1{3,}/gu;
const REPEATED_SHARE = 0.5;
/** Below this many words a repeated word ("no no") is emphasis, not filler. */
const MIN_WORDS_FOR_REPEAT = 6;

export interface SpamSignals {
  score: number;
  reasons: string[];
}

/**
 * @param lower the lowercased text, links still in
 * @param links how many links it had
 * @param tokens the tokens of the text without links
 * @param rated whether the customer also gave stars, which bots rarely do ("10/10" and 5 stars)
 */
export function spamSignals(lower: string, links: number, tokens: readonly Token[], rated: boolean): SpamSignals {
  let score = 0;
  const reasons: string[] = [];
  const terms: string[] = [];
  for (const [pattern, weight, name] of SPAM_WORDS) {
    if (pattern.test(lower)) {
      score += weight;
      terms.push(name);
    }
  }
  if (terms.length) reasons.push(`spam words: ${terms.join(', ')}`);
  if (links > 0) {
    score += links * PER_LINK;
    reasons.push(links === 1 ? '1 link' : `${links} links`);
    // A link with a sales pitch and hardly a word of its own ("Buy now! http://...").
    const own = tokens.filter((t) => t.kind === 'word' && /\p{L}/u.test(t.text)).length;
    if (terms.length > 0 && own <= 3) score += 0.5;
  }

  // Not blank, yet no word or emoji: "!!!!", "12345", a bare link.
  const hasContent = tokens.some((t) => t.kind === 'emoji' || (t.kind === 'word' && /\p{L}/u.test(t.text)));
  if (!hasContent && lower.trim() !== '') {
    score += rated ? 0.5 : 1;
    reasons.push('no words');
  }

  const filled = lower.replace(/\s+/g, '');
  let repeated = 0;
  for (const m of filled.matchAll(REPEATED_RUN)) repeated += m[0].length;
  const words = tokens.filter((t) => t.kind === 'word');
  const counts = new Map<string, number>();
  let top = 0;
  for (const w of words) {
    const n = (counts.get(w.text) ?? 0) + 1;
    counts.set(w.text, n);
    if (n > top) top = n;
  }
  if (
    (filled.length >= 8 && repeated / filled.length >= REPEATED_SHARE) ||
    (words.length >= MIN_WORDS_FOR_REPEAT && top / words.length >= REPEATED_SHARE)
  ) {
    score += 1;
    reasons.push('repeated text');
  }
  return { score, reasons };
}
