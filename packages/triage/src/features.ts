// Turns a message into the hashed features the learned model reads. Training (training/train.mjs)
// imports this same module from dist, so what the model learned and what it sees in production
// can never drift apart. Pure, synchronous, and bounded by MAX_CHARS.

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

/**
 * Lowercased tokens: links become "url", @handles "mention", digits 0, "sooooo" "soo"; words in
 * a negation's scope start with "!"; punctuation is ".", "!" or "?".
 */
export function tokens(text: string): string[] {
  const normal = text
    .slice(0, MAX_CHARS)
    .replace(LINK, ' URL ')
    .replace(MENTION, ' MENTION ')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02BC`]/g, "'");
  const out: string[] = [];
  let negated = false;
  for (const m of normal.matchAll(TOKEN)) {
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) {
      const emoji = String.fromCodePoint(m[2].codePointAt(0)!);
      out.push(EMOJI_WORDS[emoji] ?? emoji);
    }
    else if (m[4] !== undefined) {
      const p = m[4][0];
      out.push(p === '!' || p === '?' ? p : '.');
      negated = false;
    } else {
      const word = m[3]!.replace(/(.)\1{2,}/g, '$1$1').replace(/\d/g, '0');
      const negator = NEGATORS.has(word) || word.endsWith("n't");
      out.push(negated && !negator ? '!' + word : word);
      if (negator) negated = true;
      else if (word === 'but') negated = false;
    }
  }
  return out;
}

// Seeds keep the kinds of feature apart: the word "bad" and the character gram "bad" differ.
const SEED_BIAS = 0;
const SEED_WORD = 1;
const SEED_BIGRAM = 2;
const SEED_CHARS = 4;

/** FNV-1a, 32 bits. */
function hash(s: string, seed: number): number {
  let h = 0x811c9dc5 ^ seed;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export interface Features {
  /** 32-bit hashes of the features present (a feature seen twice is listed twice). */
  ids: Uint32Array;
  count: number;
  /** The tokens, for the reasons shown to agents. */
  tokens: string[];
}

/**
 * The hashed features of a message: a bias, words, word pairs, and the 3-5 character pieces of
 * longer words (so "refunded", "refundd" and "refunds" share most of their evidence).
 */
export function featurize(text: string): Features {
  const toks = tokens(text);
  let ids = new Uint32Array(64 + toks.length * 16);
  let count = 0;
  const add = (h: number) => {
    if (count === ids.length) {
      const bigger = new Uint32Array(ids.length * 2);
      bigger.set(ids);
      ids = bigger;
    }
    ids[count++] = h;
  };
  add(hash('BIAS', SEED_BIAS));
  let prev = '<s>';
  for (const w of toks) {
    add(hash(w, SEED_WORD));
    add(hash(prev + ' ' + w, SEED_BIGRAM));
    if (w.length > 3) {
      const flipped = w[0] === '!';
      const padded = '<' + (flipped ? w.slice(1) : w) + '>';
      const mark = flipped ? '!' : '';
      for (let n = 3; n <= 5; n++) {
        for (let j = 0; j + n <= padded.length; j++) add(hash(mark + padded.slice(j, j + n), SEED_CHARS));
      }
    }
    prev = w;
  }
  add(hash(prev + ' </s>', SEED_BIGRAM));
  return { ids, count, tokens: toks };
}
