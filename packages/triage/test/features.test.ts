// The model's input: the hand-written ASCII reader must give exactly what the Unicode pattern
// gives, and a word's own tone (named in the reasons) must not depend on its neighbours.
import { describe, expect, it } from 'vitest';
import { featurize, tokens } from '../src/features.js';
import { tokenTones } from '../src/model.js';

/** Seeded, so a failure names a string that fails again. */
function randomAscii(seed: number, count: number): string[] {
  const pieces = [...":;=<>3-'()[]/\\pPDxab .!?,\n`09", 'not ', 'but ', "isn't ", 'http://a.b ', '@bob ', 'aaaa', '--', 'Good '];
  const out: string[] = [];
  for (let k = 0; k < count; k++) {
    let s = '';
    const length = 1 + (seed % 12);
    for (let i = 0; i < length; i++) {
      seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
      s += pieces[seed % pieces.length];
    }
    out.push(s);
  }
  return out;
}

describe('features', () => {
  it('reads ASCII text by hand exactly as the Unicode pattern reads it', () => {
    // A trailing "é" sends the whole text down the pattern's path; it adds one token at the end.
    for (const text of [...randomAscii(7, 20_000), ':-) =p =pablo >:( <3 :\'( x--y', "Isn't it GREAT?! `no` 1112"]) {
      expect(tokens(text), JSON.stringify(text)).toEqual(tokens(`${text} é`).slice(0, -1));
    }
  });

  it('gives a word the same tone wherever it stands', () => {
    const toneOf = (text: string, word: string) => {
      const f = featurize(text);
      return tokenTones(f)[f.tokens.indexOf(word)];
    };
    const alone = toneOf('good', 'good');
    expect(alone).not.toBe(0);
    expect(toneOf('good service', 'good')).toBe(alone);
    expect(toneOf('the food was good. fine', 'good')).toBe(alone);
  });
});
