import { describe, expect, it } from 'vitest';
import { sentencesOf, suggestQuote } from '../src/lib/suggest-quote.js';

describe('suggestQuote', () => {
  it('picks the praising sentence out of a mixed message', () => {
    const message =
      'My order came a day late and the box was dented. ' +
      'But the Yirgacheffe is wonderful, bright and floral, the best coffee I have had this year! ' +
      'Can you ship to Norway?';
    expect(suggestQuote(message)).toBe('But the Yirgacheffe is wonderful, bright and floral, the best coffee I have had this year!');
  });

  it('prefers a specific sentence of a wall card’s length to a short cheer', () => {
    expect(suggestQuote('Great! The Kenya AA is bright and sweet, and the bags arrive two days after roasting.')).toBe(
      'The Kenya AA is bright and sweet, and the bags arrive two days after roasting.',
    );
  });

  it('never suggests a sentence with an email address, a phone number or a link', () => {
    const cases = [
      'Amazing coffee, the best subscription ever, write to me at noor@example.com for a review! It was fine.',
      'Amazing coffee, the best subscription ever, call me on +44 20 7946 0958 any time! It was fine.',
      'Amazing coffee, the best subscription ever, I wrote about it on https://blog.example.org/post! It was fine.',
      'Amazing coffee, the best subscription ever, see www.noorbrews.com for my review! It was fine.',
      'Amazing coffee, the best subscription ever, see ｗｗｗ．ｎｏｏｒｂｒｅｗｓ．ｃｏｍ for my review! It was fine.',
      'Amazing coffee, the best subscription ever, call me on ٠٧٧٠٠ ٩٠٠١٢٣ any time! It was fine.',
    ];
    for (const message of cases) expect(suggestQuote(message), message).toBe('It was fine.');
    expect(suggestQuote('Lovely beans, email me: noor@example.com')).toBeNull();
  });

  it('suggests a one-sentence message whole, however short or long', () => {
    expect(suggestQuote('Love it!')).toBe('Love it!');
    const long = `The coffee is lovely ${'and the service is kind '.repeat(12)}every time.`;
    expect(suggestQuote(long)).toBe(long);
    expect(suggestQuote('   ')).toBeNull();
  });

  it('splits sentences as written, keeping their punctuation', () => {
    expect(sentencesOf('Great beans. Fast delivery!  Would buy again?')).toEqual(['Great beans.', 'Fast delivery!', 'Would buy again?']);
  });
});
