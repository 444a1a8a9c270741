// Turns raw text into tokens. Work is capped so a pasted novel costs no more than a long message.

/** Only the start of a message is read: the label rarely hides past it, and the cost stays flat. */
export const MAX_CHARS = 5000;

export interface Token {
  kind: 'word' | 'emoji' | 'break';
  /** Lowercased word, the emoji's first code point, or the emoticon as typed. */
  text: string;
  /** Written in capitals (shouting), e.g. "STILL". */
  caps: boolean;
}

const LINK = /\b(?:https?:\/\/|www\.)\S+/giu;

// Emoticons first (":(" must not become a break and a word), then emoji with their skin tones and
// joined sequences, then words (apostrophes inside: "isn't"), then clause-ending punctuation.
const EMOTICON = String.raw`>:-?\(|:'\(|<3|[:=;]-?[)(\]\[DPp\/\\](?!\p{L})`;
const MODIFIERS = String.raw`[\u{1F3FB}-\u{1F3FF}\uFE0F]*`;
const EMOJI = String.raw`\p{Extended_Pictographic}${MODIFIERS}(?:\u200D\p{Extended_Pictographic}${MODIFIERS})*`;
const WORD = String.raw`[\p{L}\p{M}\p{N}]+(?:'[\p{L}\p{M}]+)*`;
const BREAK = String.raw`[.!?;,\n]+`;
const TOKEN = new RegExp(`(${EMOTICON})|(${EMOJI})|(${WORD})|(${BREAK})`, 'gu');

/** Caps the length and unifies apostrophes so "isn’t" and "isn't" read the same. */
export function prepare(text: string): string {
  return text.slice(0, MAX_CHARS).replace(/[\u2018\u2019\u02BC`]/g, "'");
}

/** Removes links (counted for spam) so "http://" is not read as the emoticon ":/". */
export function stripLinks(text: string): { text: string; links: number } {
  let links = 0;
  const stripped = text.replace(LINK, () => {
    links++;
    return ' ';
  });
  return { text: stripped, links };
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    if (m[1] !== undefined) tokens.push({ kind: 'emoji', text: m[1], caps: false });
    else if (m[2] !== undefined) {
      tokens.push({ kind: 'emoji', text: String.fromCodePoint(m[2].codePointAt(0)!), caps: false });
    }
    else if (m[3] !== undefined) tokens.push({ kind: 'word', text: m[3].toLowerCase(), caps: isShouted(m[3]) });
    else tokens.push({ kind: 'break', text: m[4]!, caps: false });
  }
  return tokens;
}

function isShouted(word: string): boolean {
  return word.length >= 2 && word === word.toUpperCase() && word !== word.toLowerCase();
}
