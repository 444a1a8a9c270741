// Tells whether a message is (mostly) English. The model learned English only, so a message in
// another language must come out "not understood" with low confidence, not a confident guess.
// Function words are the cheapest reliable tell: every sentence has some.

const words = (s: string) => new Set(s.split(' '));

export const ENGLISH = words(
  "i me my we our you your it its this that the a an and or of to in on for with at by from is are was were be " +
    "been have has had do does did can could will would should not no but so if just very what how why when " +
    "where who there here all any some more than then they them their he she his her i'm it's don't can't " +
    "please thanks thank ok okay love great good bad yes",
);
// German, Spanish, French, Portuguese, Italian and Dutch function words that English lacks.
const OTHERS = words(
  'und der die das ist nicht ich ein eine mit auf für sie es wir sehr aber auch noch nur mein meine ' +
    'el la los las es y en un una por para con que del lo se mi muy pero como está son ' +
    'le les et est une des du pour avec pas je il elle nous vous très mais ce cette sont ' +
    'o os e em um uma não com muito mas meu minha está são ' +
    'il di che è per una sono della questo ma ho non ' +
    'het een van is niet ik en met zijn op voor maar ook heel',
);
/** Letters outside the Latin script (Japanese, Cyrillic, Arabic, ...). */
const NON_LATIN = /(?!\p{Script=Latin})\p{L}/u;

const LETTER = /\p{L}/u;
/**
 * Sorts a token in one look: no match for ASCII with a letter (most tokens: letters, none
 * foreign); group 1 for anything beyond ASCII (the patterns above must tell); else ASCII without
 * a letter (a number, an emoticon, punctuation).
 */
const BEYOND_ASCII_OR_NO_LETTER = /([^\0-\x7f])|^[^a-zA-Z\x80-\uffff]*$/;
/**
 * Every word of both lists, also negated ("!not"), to whether it is English: one lookup a token
 * instead of two, and no slicing off the "!". English wins where both lists have a word ("is").
 */
const IS_ENGLISH = new Map<string, boolean>();
for (const [list, english] of [[OTHERS, false], [ENGLISH, true]] as const) {
  for (const word of list) IS_ENGLISH.set(word, english).set('!' + word, english);
}

export function looksEnglish(tokens: readonly string[]): boolean {
  let english = 0;
  let other = 0;
  let letters = 0;
  let foreign = 0;
  for (const t of tokens) {
    // A listed word has letters, all of them Latin.
    const listed = IS_ENGLISH.get(t);
    if (listed !== undefined) {
      letters++;
      if (listed) english++;
      else other++;
      continue;
    }
    const kind = BEYOND_ASCII_OR_NO_LETTER.exec(t);
    if (kind === null) {
      letters++;
      continue;
    }
    if (kind[1] === undefined || !LETTER.test(t)) continue;
    letters++;
    if (NON_LATIN.test(t)) foreign++;
  }
  // Emoji-only or number-only messages have no language to judge.
  if (letters === 0) return true;
  if (foreign * 2 > letters) return false;
  return english >= other;
}
