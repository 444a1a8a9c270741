// The few phrasings that decide a label regardless of tone: a question, an idea, spam.
import { NOT_ASCII, type Token } from './text.js';

// ---------------------------------------------------------------------------------------------
// Question: a question mark, a sentence that opens like a question, or a stock phrase.

const GREETING_WORDS = String.raw`(?:hi|hello|hey|dear \S+|good (?:morning|afternoon|evening))\b[\s,!.-]*`;
const GREETING = new RegExp(`^${GREETING_WORDS}`);
const WH = '(?:how|what|where|when|why|who|which)';
const VERB = '(?:can|could|is|are|do|does|did|will|would|should|may|has|have|am)';
// "What a mess" is not a question; "Do not buy" is not either, hence the subject after the verb.
const WH_WORD = String.raw`${WH}\b(?! an?\b)`;
const VERB_THEN_SUBJECT = String.raw`${VERB}\s+` +
  String.raw`(?:i|you|we|it|there|this|that|my|the|your|anyone|someone|somebody|they|u)\b`;
const OPENS_AS_QUESTION = new RegExp(`^(?:${WH_WORD}|${VERB_THEN_SUBJECT})`);
const ASKS = new RegExp(
  String.raw`\b(?:${[
    'how (?:do|can|should|would) (?:i|we|you)', 'how to', 'is there (?:a|any) (?:way|option|setting)',
    'is it possible', 'can i', 'could i', 'where (?:is|are|can|do)', 'any way to', 'wondering (?:if|whether|how)',
    'do you (?:have|offer|ship|sell|accept|support|deliver)', 'when will',
  ].join('|')})\b`,
);
/**
 * A stock phrase, or a question word where a sentence (maybe after a greeting) starts: every text
 * the sentence loop below says yes to passes, and 19 in 20 messages fail, so they skip the loop.
 */
const MAY_ASK = new RegExp(String.raw`${ASKS.source}|(?:^|[.!?\n])\s*(?:${GREETING_WORDS})?(?:${WH}|${VERB})\b`);

/** How many question signals the text shows (0, 1 or 2); more signals, more confidence. */
export function questionSignals(lower: string): number {
  const mark = lower.includes('?');
  const opening = MAY_ASK.test(lower) && (ASKS.test(lower) || opensAsQuestion(lower));
  return Number(mark) + Number(opening);
}

/** Whether a sentence opens like a question: "How do I ...", "Hi, can you ...". */
function opensAsQuestion(lower: string): boolean {
  for (const sentence of lower.match(/[^.!?\n]+[.!?\n]*/g) ?? []) {
    const s = sentence.trim();
    // "How awful!" opens like a question but is an exclamation.
    if (s.endsWith('!') && !s.includes('?')) continue;
    if (OPENS_AS_QUESTION.test(s.replace(GREETING, ''))) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Idea: a suggestion in its usual wording. The wording itself is polite ("it would be great if"),
// so it is masked before scoring tone, or every request would read as praise.

const IDEA_PHRASES = [
  "(?:it )?(?:would|'d) be (?:really |so |very |super |even |much )?" +
    '(?:nice|great|good|awesome|cool|helpful|useful|amazing|lovely|handy|ideal|better|fantastic|brilliant|perfect) (?:if|to|for)',
  '(?:please|pls|plz) (?:add|consider|support|allow|include|implement|introduce|offer|bring back)',
  '(?:could|can|would) you (?:guys )?(?:please )?(?:add|support|allow|include|implement|introduce|offer|consider|build|bring back)',
  "(?:i'd|would) love (?:to see|it if|if|to be able to|the (?:ability|option) to)",
  // A feature, not "our money back".
  'can we (?:please )?(?:get|have) (?:an? |the |some )?(?:option|ability|setting|feature|dark mode|mode|way|widget|filter|export)',
  // Said to the company ("hope you add Apple Pay"); "hope they add more staff" reviews a visit.
  '(?:hope|hoping) you (?:will |can |could )?add',
  "(?:i )?(?:do |really )?wish (?:it|the app|this app) had",
  '(?:i )?(?:do |really )?wish there (?:was|were) (?:an? |the )?(?:option|ability|setting|feature|mode|way)',
  '(?:i )?(?:do |really )?wish you could(?! (?:fix|answer|respond|reply|refund|help))',
  '(?:it )?(?:needs|should have|could use) (?:an? |the )?(?:option|ability|way|setting|feature|mode) (?:to|for)',
  '(?:add|adding) (?:an? |the )?(?:option|ability|setting|feature) (?:to|for)',
  // "I wish to close my account" is a formal "I want to"; "I wish they would fix it" a bug report.
  "i (?:do |really )?wish(?! to\\b)(?! (?:it|this|they|you|that) (?:would |could )?(?:fix|work|answer|respond|reply|refund))",
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

/** Whether the customer asks for a fix: a bug report, never a suggestion. */
export const asksFix = (lower: string): boolean => FIX.test(lower);
const FIX = /\bfix(?:ed|es|ing)?\b/;

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
/** True wherever one of SPAM_WORDS is (each starts with one of these words), so most messages skip them. */
const MAY_SPAM = /\b(?:viagra|cialis|casino|porn|seo |backlink|buy now|earn |money|click here|crypto|bitcoin|forex)/;
const PER_LINK = 0.4;
/** A run of one letter or digit this long or longer counts as filler: "aaaaaaa", "1111". */
const MIN_RUN = 4;
const REPEATED_RUN = new RegExp(String.raw`([\p{L}\p{N}])\1{${MIN_RUN - 1},}`, 'gu');
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
  // Most messages hold none of the words: one look for all of them is far cheaper than eight.
  if (MAY_SPAM.test(lower)) {
    for (const [pattern, weight, name] of SPAM_WORDS) {
      if (pattern.test(lower)) {
        score += weight;
        terms.push(name);
      }
    }
  }
  if (terms.length) reasons.push(`spam words: ${terms.join(', ')}`);
  // One pass over the tokens. `own`: words with a letter ("12345" has none); `vote`: the word a
  // majority vote (Boyer-Moore) ends on, one of the two words that may fill half (see halfOneWord).
  let words = 0;
  let own = 0;
  let emoji = false;
  let vote = '';
  let votes = 0;
  let last = '';
  for (const t of tokens) {
    if (t.kind === 'word') {
      words++;
      if (hasLetter(t.text)) own++;
      if (votes === 0) vote = t.text;
      votes += t.text === vote ? 1 : -1;
      last = t.text;
    } else if (t.kind === 'emoji') emoji = true;
  }
  if (links > 0) {
    score += links * PER_LINK;
    reasons.push(links === 1 ? '1 link' : `${links} links`);
    // A link with a sales pitch and hardly a word of its own ("Buy now! http://...").
    if (terms.length > 0 && own <= 3) score += 0.5;
  }

  // Not blank, yet no word or emoji: "!!!!", "12345", a bare link.
  if (!emoji && own === 0 && lower.trim() !== '') {
    score += rated ? 0.5 : 1;
    reasons.push('no words');
  }

  if (mostlyRuns(lower) || (words >= MIN_WORDS_FOR_REPEAT && halfOneWord(tokens, words, vote, last))) {
    score += 1;
    reasons.push('repeated text');
  }
  return { score, reasons };
}

const LETTER = /\p{L}/u;

/** Whether a word has a letter (/\p{L}/u), looked up by hand while it is ASCII. */
function hasLetter(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 0x80) return LETTER.test(word);
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) return true;
  }
  return false;
}

/**
 * Whether one word fills REPEATED_SHARE (half) of the words, without a count of every word. Such a
 * word, unless it is the last, fills more than half of the words before the last: the majority
 * vote over them settles on it, and one more word cannot unseat it. So it is `vote` or `last`.
 */
function halfOneWord(tokens: readonly Token[], words: number, vote: string, last: string): boolean {
  let a = 0;
  let b = 0;
  for (const t of tokens) {
    if (t.kind !== 'word') continue;
    if (t.text === vote) a++;
    if (t.text === last) b++;
  }
  return Math.max(a, b) / words >= REPEATED_SHARE;
}

/**
 * Whether REPEATED_RUN covers REPEATED_SHARE of the text with its whitespace taken out. Only a
 * text with MIN_RUN like letters or digits in a row (spaces aside) can: ASCII text is checked for
 * one by hand first, which spares nearly every message the patterns.
 */
function mostlyRuns(lower: string): boolean {
  if (!NOT_ASCII.test(lower) && !hasRun(lower)) return false;
  const filled = lower.replace(/\s+/g, '');
  let repeated = 0;
  for (const m of filled.matchAll(REPEATED_RUN)) repeated += m[0].length;
  return filled.length >= 8 && repeated / filled.length >= REPEATED_SHARE;
}

/** MIN_RUN like ASCII letters or digits in a row, ASCII whitespace between them aside. */
function hasRun(ascii: string): boolean {
  let prev = -1;
  let same = 0;
  for (let i = 0; i < ascii.length; i++) {
    const c = ascii.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13)) continue;
    if (c === prev) {
      if (++same === MIN_RUN - 1) return true;
    } else {
      same = 0;
      prev = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? c : -1;
    }
  }
  return false;
}
