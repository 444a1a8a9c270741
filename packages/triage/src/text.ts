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

// Without the u flag, which makes this pattern 5x slower. ſ and the Kelvin sign K are the two
// letters the u flag adds here: both are word characters to \b, and ſ matches s.
const LINK = /(?<![\u017f\u212a])\b(?:http[sſ]?:\/\/|www\.)\S+/gi;

// Emoticons first (":(" must not become a break and a word), then emoji with their skin tones and
// joined sequences, then words (apostrophes inside: "isn't"), then clause-ending punctuation.
const EMOTICON = String.raw`>:-?\(|:'\(|<3|[:=;]-?[)(\]\[DPp\/\\](?!\p{L})`;
const MODIFIERS = String.raw`[\u{1F3FB}-\u{1F3FF}\uFE0F]*`;
const EMOJI = String.raw`\p{Extended_Pictographic}${MODIFIERS}(?:\u200D\p{Extended_Pictographic}${MODIFIERS})*`;
const WORD = String.raw`[\p{L}\p{M}\p{N}]+(?:'[\p{L}\p{M}]+)*`;
const BREAK = String.raw`[.!?;,\n]+`;
const TOKEN = new RegExp(`(${EMOTICON})|(${EMOJI})|(${WORD})|(${BREAK})`, 'gu');
/** TOKEN read at one place: where the text leaves ASCII, tokenize hands over to it. */
const TOKEN_AT = new RegExp(TOKEN.source, 'uy');
/** Whether the character after an ASCII emoticon is a letter ("=Dave" holds no emoticon). */
const LETTER_AT = /\p{L}/uy;
/** Quick pre-check before looking for links: most messages hold none. */
export const MAY_LINK = /http|www\./i;
/** Any character beyond ASCII: text without one can take the hand-written paths. */
export const NOT_ASCII = /[^\0-\x7f]/;

/** Caps the length and unifies apostrophes so "isn’t" and "isn't" read the same. */
export function prepare(text: string): string {
  return text.slice(0, MAX_CHARS).replace(/[\u2018\u2019\u02BC`]/g, "'");
}

/** Removes links (counted for spam) so "http://" is not read as the emoticon ":/". */
export function stripLinks(text: string): { text: string; links: number } {
  if (!MAY_LINK.test(text)) return { text, links: 0 };
  // Piece by piece: a replace that calls back for each link costs more.
  let stripped = '';
  let links = 0;
  let from = 0;
  LINK.lastIndex = 0;
  for (let m = LINK.exec(text); m !== null; m = LINK.exec(text)) {
    stripped += `${text.slice(from, m.index)} `;
    from = LINK.lastIndex;
    links++;
  }
  return links ? { text: stripped + text.slice(from), links } : { text, links };
}

/**
 * The TOKEN matches, in order. ASCII text is read by hand: the big Unicode pattern costs several
 * times more, and most messages are ASCII. Anything beyond ASCII goes to TOKEN itself (TOKEN_AT),
 * so the result is that of `text.matchAll(TOKEN)` either way.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) i = isPunctuation(c) ? i + 1 : unicodeToken(text, i, tokens);
    else if (isAlnum(c)) i = word(text, i, tokens);
    else {
      // Emoticons first: ";)" is a wink, not a break.
      const end = emoticonEnd(text, i, c);
      if (end > i) {
        tokens.push({ kind: 'emoji', text: text.slice(i, end), caps: false });
        i = end;
      } else if (isBreak(c)) {
        let j = i + 1;
        while (j < n && isBreak(text.charCodeAt(j))) j++;
        tokens.push({ kind: 'break', text: text.slice(i, j), caps: false });
        i = j;
      } else i++;
    }
  }
  return tokens;
}

/** An ASCII word at `i` ([A-Za-z0-9]+ and 'letters parts); one that runs on past ASCII goes to TOKEN. */
function word(text: string, i: number, tokens: Token[]): number {
  const n = text.length;
  let upper = false;
  let lower = false;
  let j = i;
  for (; j < n; j++) {
    const c = text.charCodeAt(j);
    if (c >= 97 && c <= 122) lower = true;
    else if (c >= 65 && c <= 90) upper = true;
    else if (!(c >= 48 && c <= 57)) break;
  }
  // Apostrophe parts hold letters only: "isn't", but "y'all2" is "y'all" and "2".
  while (codeAt(text, j) === 39 && isLetter(codeAt(text, j + 1))) {
    for (j++; j < n; j++) {
      const c = text.charCodeAt(j);
      if (c >= 97 && c <= 122) lower = true;
      else if (c >= 65 && c <= 90) upper = true;
      else break;
    }
  }
  // "café", "naïve", "l'été": the word goes on in letters (or marks) TOKEN knows.
  const next = codeAt(text, j);
  if ((next >= 0x80 && !isPunctuation(next)) || (next === 39 && codeAt(text, j + 1) >= 0x80)) {
    return unicodeToken(text, i, tokens);
  }
  const w = text.slice(i, j);
  tokens.push({ kind: 'word', text: upper ? w.toLowerCase() : w, caps: upper && !lower && j - i >= 2 });
  return j;
}

/** Where an ASCII emoticon that starts at `i` ends, or `i` when none does. Features read them too. */
export function emoticonEnd(text: string, i: number, c: number): number {
  const next = codeAt(text, i + 1);
  if (c === 62) { // >:( >:-(
    if (next !== 58) return i;
    const j = codeAt(text, i + 2) === 45 ? i + 3 : i + 2;
    return codeAt(text, j) === 40 ? j + 1 : i;
  }
  if (c === 60) return next === 51 ? i + 2 : i; // <3
  if (c !== 58 && c !== 61 && c !== 59) return i; // : = ;
  if (c === 58 && next === 39) return codeAt(text, i + 2) === 40 ? i + 3 : i; // :'(
  const j = next === 45 ? i + 2 : i + 1;
  if (!isEyesOrMouth(codeAt(text, j))) return i;
  // Not when a word goes on: "=Dave", ":Pablo".
  return letterAt(text, j + 1) ? i : j + 1;
}

function letterAt(text: string, k: number): boolean {
  const c = codeAt(text, k);
  if (c < 0x80) return isLetter(c);
  LETTER_AT.lastIndex = k;
  return LETTER_AT.test(text);
}

/** The TOKEN match at `i`, or none: then the next token starts one code point on. */
function unicodeToken(text: string, i: number, tokens: Token[]): number {
  TOKEN_AT.lastIndex = i;
  const m = TOKEN_AT.exec(text);
  if (m === null) return i + (text.codePointAt(i)! > 0xffff ? 2 : 1);
  if (m[1] !== undefined) tokens.push({ kind: 'emoji', text: m[1], caps: false });
  else if (m[2] !== undefined) {
    tokens.push({ kind: 'emoji', text: String.fromCodePoint(m[2].codePointAt(0)!), caps: false });
  }
  else if (m[3] !== undefined) tokens.push({ kind: 'word', text: m[3].toLowerCase(), caps: isShouted(m[3]) });
  else tokens.push({ kind: 'break', text: m[4]!, caps: false });
  return TOKEN_AT.lastIndex;
}

/** The code at `k`, or -1 past the end: charCodeAt's NaN there makes V8 drop its optimised code. */
const codeAt = (text: string, k: number) => (k < text.length ? text.charCodeAt(k) : -1);
const isLetter = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
const isAlnum = (c: number) => isLetter(c) || (c >= 48 && c <= 57);
/** Common punctuation beyond ASCII that no token holds: … “ ” ‘ ’ – — • « » and the no-break space. */
const isPunctuation = (c: number) =>
  c === 0x2026 || c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019 || c === 0x2013 || c === 0x2014 ||
  c === 0x2022 || c === 0xab || c === 0xbb || c === 0xa0;
/** ) ( ] [ D P p / \ */
const isEyesOrMouth = (c: number) =>
  c === 41 || c === 40 || c === 93 || c === 91 || c === 68 || c === 80 || c === 112 || c === 47 || c === 92;
/** The BREAK characters . ! ? ; , and newline. */
const isBreak = (c: number) => c === 46 || c === 33 || c === 63 || c === 59 || c === 44 || c === 10;

function isShouted(word: string): boolean {
  return word.length >= 2 && word === word.toUpperCase() && word !== word.toLowerCase();
}
