// Turns a message into the hashed features the learned model reads. Training (training/train.mjs)
// imports this same module from dist, so what the model learned and what it sees in production
// can never drift apart. Pure, synchronous, and bounded by MAX_CHARS.
import { emoticonEnd, MAY_LINK, NOT_ASCII } from './text.js';

/** Only the start of a message is read: the label rarely hides past it, and the cost stays flat. */
export const MAX_CHARS = 2000;

const LINK = /\b(?:https?:\/\/|www\.)\S+/giu;
const MENTION = /@\w+/gu;
// Emoticons first (":(" must not become punctuation and a word), then emoji with skin tones and
// joined sequences, then words (apostrophes inside: "isn't"), then punctuation.
const EMOTICON = String.raw`>:-?\(|:'\(|<3|[:=;]-?[)(\]\[DPp\/\\](?!\p{L})`;
const MODIFIERS = String.raw`[\u{1F3FB}-\u{1F3FF}\uFE0F]*`;
const EMOJI = String.raw`\p{Extended_Pictographic}${MODIFIERS}(?:\u200D\p{Extended_Pictographic}${MODIFIERS})*`;
const WORD = String.raw`[\p{L}\p{M}\p{N}]+(?:'[\p{L}\p{M}]+)*`;
const PUNCT = String.raw`[.;,:\n]+|[!?]+|--`;
const TOKEN = new RegExp(`(${EMOTICON})|(${EMOJI})|(${WORD})|(${PUNCT})`, 'gu');

// A negator flips the words after it up to the next punctuation or "but": "not bad at all" reads
// as !bad !at !all, which the model learns is mild praise rather than "bad".
const NEGATORS = new Set([
  'not', 'no', 'never', 'nothing', 'nobody', 'none', 'nowhere', 'neither', 'nor', 'without', 'hardly', 'barely',
  'cannot', 'cant', 'dont', 'didnt', 'doesnt', 'isnt', 'wasnt', 'wont', 'wouldnt', 'couldnt', 'shouldnt', 'arent',
  'aint', 'havent', 'hasnt', 'lack', 'lacks', 'lacking',
]);

// Emoji are rare in the training sets, so each common one is read as the word it stands for.
const EMOJI_WORDS: Readonly<Record<string, string>> = {
  '😡': 'angry', '🤬': 'furious', '😠': 'angry', '😤': 'annoyed', '🙄': 'annoyed', '👎': 'bad', '💩': 'crap',
  '🤮': 'disgusting', '😞': 'disappointed', '😔': 'disappointed', '😢': 'sad', '😭': 'sad', '😩': 'frustrated',
  '😫': 'frustrated', '💔': 'heartbroken', '😒': 'unimpressed', '😖': 'awful', '😱': 'shocked',
  '😍': 'love', '🥰': 'love', '❤': 'love', '💕': 'love', '💖': 'love', '😘': 'love', '👍': 'good', '👌': 'perfect',
  '🙏': 'thanks', '😊': 'happy', '🙂': 'happy', '😀': 'happy', '😃': 'happy', '😄': 'happy', '😁': 'happy',
  '🥳': 'delighted', '🎉': 'great', '👏': 'great', '💯': 'perfect', '⭐': 'great', '🌟': 'great', '😂': 'funny',
};

/** A digit, or a character three times in a row ("sooo"): what `word` rewrites. By hand, per word, it beats /(.)\1\1|\d/. */
function hasRunOrDigit(w: string): boolean {
  let prev = -1;
  let same = 0;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
    if (c !== prev) {
      prev = c;
      same = 1;
    } else if (++same === 3) return true;
  }
  return false;
}

/**
 * Lowercased tokens: links become "url", @handles "mention", digits 0, "sooooo" "soo"; words in
 * a negation's scope start with "!"; punctuation is ".", "!" or "?".
 */
export function tokens(text: string): string[] {
  let normal = text.slice(0, MAX_CHARS);
  if (MAY_LINK.test(normal)) normal = normal.replace(LINK, ' URL ');
  if (normal.includes('@')) normal = normal.replace(MENTION, ' MENTION ');
  normal = normal.toLowerCase();
  const out: string[] = [];
  let negated = false;
  const word = (w: string) => {
    if (hasRunOrDigit(w)) w = w.replace(/(.)\1{2,}/g, '$1$1').replace(/\d/g, '0');
    const negator = NEGATORS.has(w) || w.endsWith("n't");
    out.push(negated && !negator ? '!' + w : w);
    if (negator) negated = true;
    else if (w === 'but') negated = false;
  };
  const punctuation = (p: string) => {
    out.push(p === '!' || p === '?' ? p : '.');
    negated = false;
  };
  if (!NOT_ASCII.test(normal)) {
    // Most messages are ASCII: read by hand, as TOKEN would, at a third of its cost.
    asciiTokens(normal.includes('`') ? normal.replaceAll('`', "'") : normal, (t) => out.push(t), word, punctuation);
    return out;
  }
  normal = normal.replace(/[\u2018\u2019\u02BC`]/g, "'");
  for (const m of normal.matchAll(TOKEN)) {
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) {
      const emoji = String.fromCodePoint(m[2].codePointAt(0)!);
      out.push(EMOJI_WORDS[emoji] ?? emoji);
    } else if (m[3] !== undefined) word(m[3]);
    else punctuation(m[4]![0]!);
  }
  return out;
}

const isLetter = (c: number) => c >= 97 && c <= 122;
const isDigit = (c: number) => c >= 48 && c <= 57;
const isStop = (c: number) => c === 46 || c === 59 || c === 44 || c === 58 || c === 10; // . ; , : newline

/** TOKEN's matches over lowercase ASCII text, in order: emoticons, words, punctuation runs. */
function asciiTokens(
  s: string,
  emoticon: (t: string) => void,
  word: (w: string) => void,
  punctuation: (p: string) => void,
): void {
  const at = (k: number) => (k < s.length ? s.charCodeAt(k) : -1);
  let i = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    const end = emoticonEnd(s, i, c);
    if (end > i) {
      emoticon(s.slice(i, end));
      i = end;
    } else if (isLetter(c) || isDigit(c)) {
      let j = i + 1;
      while (isLetter(at(j)) || isDigit(at(j))) j++;
      // "isn't": apostrophe parts are letters only.
      while (at(j) === 39 && isLetter(at(j + 1))) for (j += 2; isLetter(at(j)); ) j++;
      word(s.slice(i, j));
      i = j;
    } else if (isStop(c) || c === 33 || c === 63) {
      const run = isStop(c) ? isStop : (k: number) => k === 33 || k === 63;
      let j = i + 1;
      while (run(at(j))) j++;
      punctuation(s[i]!);
      i = j;
    } else if (c === 45 && at(i + 1) === 45) {
      punctuation('-');
      i += 2;
    } else i++;
  }
}

// Seeds keep the kinds of feature apart: the word "bad" and the character gram "bad" differ.
const SEED_BIAS = 0;
const SEED_WORD = 1;
const SEED_BIGRAM = 2;
const SEED_CHARS = 4;
const FNV_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const SPACE = 32;
const BANG = 33;
const LT = 60;
const GT = 62;

/** FNV-1a, 32 bits, continued from `h` over s[from, to). Hashing in place allocates no strings. */
function fnv(h: number, s: string, from = 0, to = s.length): number {
  for (let i = from; i < to; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}

export interface Features {
  /** 32-bit hashes of the features present (a feature seen twice is listed twice). */
  ids: Uint32Array;
  count: number;
  /** The tokens, for the reasons shown to agents. */
  tokens: string[];
  /**
   * Where each token's features start. Per token the ids are: the pair it ends, then (from
   * own[i]) its word and character pieces; own[tokens.length] is one past the closing pair. So
   * ids[own[i] .. own[i + 1] - 1) are token i's own (what the reasons weigh to name a word), and
   * ids[own[i] - 1 .. own[j] - 1) the tokens i to j - 1 with the pairs between them.
   */
  own: Uint32Array;
}

/**
 * The hashed features of a message: a bias, words, word pairs, and the 3-5 character pieces of
 * longer words, padded as "<word>" (so "refunded", "refundd" and "refunds" share most of their
 * evidence). A word in a negation's scope keeps its "!" on every piece.
 */
export function featurize(text: string): Features {
  const toks = tokens(text);
  let size = 2;
  for (const w of toks) size += w.length > 3 ? 2 + 3 * w.length : 2;
  const ids = new Uint32Array(size);
  const own = new Uint32Array(toks.length + 1);
  let count = 0;
  ids[count++] = fnv(FNV_BASIS ^ SEED_BIAS, 'BIAS') >>> 0;
  // The pair "prev w" is hashed as prev's hash so far, a space, then w.
  let pair = fnv(FNV_BASIS ^ SEED_BIGRAM, '<s>');
  for (let t = 0; t < toks.length; t++) {
    const w = toks[t]!;
    ids[count++] = fnv(Math.imul(pair ^ SPACE, FNV_PRIME), w) >>> 0;
    pair = fnv(FNV_BASIS ^ SEED_BIGRAM, w);
    own[t] = count;
    ids[count++] = fnv(FNV_BASIS ^ SEED_WORD, w) >>> 0;
    if (w.length > 3) count = addPieces(ids, count, w);
  }
  ids[count++] = fnv(Math.imul(pair ^ SPACE, FNV_PRIME), '</s>') >>> 0;
  own[toks.length] = count;
  return { ids, count, tokens: toks, own };
}

/** Every 3, 4 and 5 character piece of "<w>" (with w's "!" in front of each, if it has one). */
function addPieces(ids: Uint32Array, count: number, w: string): number {
  const flipped = w.charCodeAt(0) === BANG;
  const first = flipped ? 1 : 0;
  const start = flipped ? Math.imul((FNV_BASIS ^ SEED_CHARS) ^ BANG, FNV_PRIME) : FNV_BASIS ^ SEED_CHARS;
  // Positions run over "<", w[first..], ">": first - 1 is "<" and w.length is ">".
  const charAt = (i: number) => (i < first ? LT : i === w.length ? GT : w.charCodeAt(i));
  for (let j = first - 1; j + 3 <= w.length + 1; j++) {
    let h = start;
    for (let n = 0; n < 5 && j + n <= w.length; n++) {
      h = Math.imul(h ^ charAt(j + n), FNV_PRIME);
      if (n >= 2) ids[count++] = h >>> 0;
    }
  }
  return count;
}
