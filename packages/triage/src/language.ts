// Tells whether a message is (mostly) English. The lexicon only knows English, so silence in
// another language means "not understood", not "neutral", and confidence must say so.
import type { Token } from './text.js';
import { CONTRAST, INTENSIFIERS, WORDS, isNegator } from './lexicon.js';

const COMMON = new Set(
  ('i me my mine we us our you your yours it its it\'s this that these those the a an and or of to in on ' +
    'for with at by from as is are was were be been being am have has had do does did can could will would ' +
    'should may might must if then than so there here what how why when where who which just only also ' +
    'all any some more most no yes ok okay please order orders app site website page product products ' +
    'delivery service support account team they them their he she his her one get got use used make need ' +
    'want time up out about after again new now today my i\'m i\'ve i\'d you\'re it\'s that\'s there\'s ' +
    'hi hello hey guys everything nothing something work works').split(' '),
);

/** Below this share of recognised words, a message is treated as another language. */
const MIN_KNOWN_SHARE = 0.3;

export function looksEnglish(tokens: readonly Token[]): boolean {
  let words = 0;
  let known = 0;
  for (const t of tokens) {
    // Numbers ("10/10") belong to every language.
    if (t.kind !== 'word' || !/\p{L}/u.test(t.text)) continue;
    words++;
    const w = t.text;
    if (COMMON.has(w) || WORDS.has(w) || INTENSIFIERS.has(w) || CONTRAST.has(w) || isNegator(w)) known++;
  }
  // Emoji-only messages have no language to judge.
  return words === 0 || known / words >= MIN_KNOWN_SHARE;
}
