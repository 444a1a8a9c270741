import { describe, expect, it } from 'vitest';
import { CATEGORIES, LABELS, ROUTES, triage, type Category, type Decision, type Label, type TriageInput } from '../src/index.js';

const label = (text: string, rating?: number, category?: Category): Label => triage({ text, rating, category }).label;

describe('labels for realistic messages', () => {
  it.each<[string, Label]>([
    ['I was charged twice for my order and nobody answers', 'complaint'],
    ['The app crashes every time I open my cart. Unacceptable.', 'complaint'],
    ['Still waiting for my refund after three weeks', 'complaint'],
    ['Love the new dashboard, setup took two minutes!', 'praise'],
    ['Fantastic support, Anna sorted everything out quickly. Thank you!', 'praise'],
    ['How do I change my delivery address?', 'question'],
    ['Is there a way to export my invoices', 'question'],
    ['Hi, where is the order history page?', 'question'],
    ['It would be great if you supported Apple Pay', 'idea'],
    ['Please add a dark mode', 'idea'],
    ['Feature request: bulk editing of products', 'idea'],
    ['You should support PayPal', 'idea'],
    ['BUY CHEAP VIAGRA http://x.example http://y.example', 'spam'],
    ['Best casino bonuses, click here', 'spam'],
    ['We offer SEO services for your website, earn $5000 a week', 'spam'],
    ['ok', 'neutral'],
    ['I ordered the blue one on Tuesday', 'neutral'],
  ])('%s → %s', (text, expected) => {
    expect(label(text)).toBe(expected);
  });

  it('lists the words that decided it', () => {
    expect(triage({ text: 'Broken checkout, I want a refund' }).reasons).toContain('negative words: broken, refund');
    expect(triage({ text: 'Love it, so easy' }).reasons.join(' ')).toMatch(/positive words: love, easy/);
  });
});

describe('routes', () => {
  const routesOf = (input: TriageInput) => triage(input).routes;

  it('sends each label to its team', () => {
    expect(routesOf({ text: 'The checkout is broken and support never replied' })).toEqual(['support']);
    expect(routesOf({ text: 'How do I reset my password?' })).toEqual(['support']);
    expect(routesOf({ text: 'Please add an export to CSV' })).toEqual(['product']);
    expect(routesOf({ text: 'Absolutely love this shop, fast delivery and great quality!' })).toEqual(['pr']);
    expect(routesOf({ text: 'ok' })).toEqual(['support']);
  });

  it('keeps spam away from every team', () => {
    const d = triage({ text: 'Earn $500 a day from home, buy now http://a.example http://b.example' });
    expect(d.label).toBe('spam');
    expect(d.routes).toEqual([]);
  });

  it('sends an unsure complaint-or-praise call to both support and PR', () => {
    const d = triage({ text: 'Great product but delivery was slow' });
    expect(['complaint', 'praise']).toContain(d.label);
    expect(d.confidence).toBeLessThan(0.55);
    expect(d.routes).toEqual(['support', 'pr']);
    expect(d.reasons).toContain('unsure: sent to support and PR');
  });

  it('never leaves a non-spam message without a team', () => {
    for (const text of ['', 'hm', '🙂', 'The end.', 'Danke schön']) {
      expect(triage({ text }).routes.length).toBeGreaterThan(0);
    }
  });
});

describe('negation', () => {
  it('"not bad at all" is not a complaint', () => {
    const d = triage({ text: 'not bad at all' });
    expect(d.label).not.toBe('complaint');
    expect(d.sentiment).toBeGreaterThan(0);
    expect(d.reasons).toContain('negation: not bad');
  });

  it('"not happy with the delivery" is a complaint', () => {
    const d = triage({ text: 'not happy with the delivery' });
    expect(d.label).toBe('complaint');
    expect(d.routes).toEqual(['support']);
    expect(d.reasons).toContain('negation: not happy');
  });

  it.each(['The export never works', "The new editor isn't great", "My parcel didn't arrive", 'Nobody answers the phone'])(
    '"%s" reads as negative',
    (text) => {
      const d = triage({ text });
      expect(d.label).toBe('complaint');
      expect(d.sentiment).toBeLessThan(0);
    },
  );

  it('"no problems" reads as positive', () => {
    expect(triage({ text: 'No problems at all, works great' }).label).toBe('praise');
    expect(triage({ text: 'no problems' }).sentiment).toBeGreaterThan(0);
  });

  it('weighs the clause after "but" more', () => {
    expect(triage({ text: 'The delivery was slow but the product is great' }).sentiment).toBeGreaterThan(0);
    expect(triage({ text: 'The product is great but the delivery was slow' }).sentiment).toBeLessThan(0);
  });

  it('reads intensifiers and emoji', () => {
    expect(triage({ text: 'very slow' }).sentiment).toBeLessThan(triage({ text: 'slow' }).sentiment);
    expect(triage({ text: 'Arrived today 😀' }).label).toBe('praise');
    expect(triage({ text: 'Arrived today 😡' }).label).toBe('complaint');
    expect(triage({ text: 'thanks :)' }).sentiment).toBeGreaterThan(triage({ text: 'thanks :(' }).sentiment);
    expect(triage({ text: '❤️❤️❤️' }).sentiment).toBeGreaterThan(0.5);
    expect(triage({ text: '👎' }).sentiment).toBeLessThan(-0.5);
  });
});

describe('rating', () => {
  it('leans the label when the text says little', () => {
    expect(triage({ text: '', rating: 1 }).label).toBe('complaint');
    expect(triage({ text: '', rating: 5 }).label).toBe('praise');
    expect(triage({ text: 'ok', rating: 3 }).label).toBe('neutral');
    expect(triage({ text: 'ok', rating: 5 }).sentiment).toBeGreaterThan(triage({ text: 'ok', rating: 1 }).sentiment);
  });

  it('5 stars with a broken checkout still reaches support', () => {
    const d = triage({ text: 'checkout is broken', rating: 5 });
    expect(d.label).toBe('complaint');
    expect(d.routes).toContain('support');
    expect(d.reasons).toContain('rating and text disagree');
    expect(d.reasons).toContain('rating 5/5');
  });

  it('1 star with "love it" reaches support rather than only PR', () => {
    const d = triage({ text: 'love it', rating: 1 });
    expect(d.label === 'complaint' || d.routes.includes('support')).toBe(true);
    expect(d.reasons).toContain('rating and text disagree');
    expect(d.confidence).toBeLessThan(0.55);
  });

  it('agreeing rating and text are surer than text alone', () => {
    expect(triage({ text: 'love it', rating: 5 }).confidence).toBeGreaterThan(triage({ text: 'love it' }).confidence);
    expect(triage({ text: 'love it', rating: 5 }).routes).toEqual(['pr']);
  });

  it('ignores ratings that are not whole stars from 1 to 5', () => {
    for (const rating of [0, 6, 4.5, NaN, -1, Infinity]) {
      const d = triage({ text: 'ok', rating });
      expect(d.reasons.some((r) => r.startsWith('rating'))).toBe(false);
    }
  });
});

describe('category chosen by the customer', () => {
  it('is a strong prior when the text is plain', () => {
    expect(label('the checkout page', undefined, 'problem')).toBe('complaint');
    expect(label('about my subscription', undefined, 'question')).toBe('question');
    expect(label('dark mode for the dashboard', undefined, 'idea')).toBe('idea');
    expect(label('you guys', undefined, 'praise')).toBe('praise');
    expect(triage({ text: 'dark mode', category: 'idea' }).reasons).toContain('customer chose: idea');
  });

  it('is overridden by clearly angry text', () => {
    const d = triage({ text: 'This is a scam. Terrible service, I want my money back!', category: 'praise' });
    expect(d.label).toBe('complaint');
    expect(d.routes).toEqual(['support']);
    expect(d.reasons).toContain('text overrides chosen category (praise)');
  });

  it('an idea phrased as a question stays an idea, unless the customer chose question', () => {
    expect(label('Could you add Apple Pay?')).toBe('idea');
    expect(label('Could you add Apple Pay?', undefined, 'question')).toBe('question');
  });
});

describe('questions, ideas and spam', () => {
  it('an angry question is a complaint', () => {
    const d = triage({ text: 'why is my order STILL not here?!' });
    expect(d.label).toBe('complaint');
    expect(d.routes).toEqual(['support']);
  });

  it('an exclamation that opens like a question is not a question', () => {
    expect(label('What a mess!')).toBe('complaint');
  });

  it('a polite suggestion is not praise', () => {
    const d = triage({ text: 'It would be great if you supported Apple Pay' });
    expect(d.label).toBe('idea');
    expect(d.routes).toEqual(['product']);
    expect(d.sentiment).toBe(0);
  });

  it('a strongly negative "please add" is a complaint', () => {
    expect(label('This is useless and broken, please add a working checkout')).toBe('complaint');
  });

  it('weak spam signals alone do not make spam', () => {
    expect(label('Do you accept crypto?')).toBe('question');
    expect(label('My order https://shop.example/orders/123 never arrived')).toBe('complaint');
    expect(label('When I click here nothing happens')).not.toBe('spam');
  });

  it('repeated filler and text without letters are spam', () => {
    expect(label('aaaaaaaaaaaaaaaaaaaaaaaa')).toBe('spam');
    expect(label('buy buy buy buy buy buy buy buy')).toBe('spam');
    expect(label('!!!!!!!!')).toBe('spam');
    expect(label('http://only-a-link.example')).toBe('spam');
  });

  it('real complaints that look a little like spam still reach support', () => {
    const complaints: [string, number?][] = [
      ['The Buy now button is broken and I was charged twice', 1],
      ['The Buy now button is broken and I was charged twice'],
      ['My order never arrived: https://shop.example/o/1 https://track.example/1 https://img.example/1.jpg', 1],
      ['There is a charge on my card from some casino?? I never bought that', 1],
      ['no no no no no no, the grinder broke again', 1],
      ['no no no no no no, the grinder broke again and it is useless'],
    ];
    for (const [text, rating] of complaints) {
      const d = triage({ text, rating });
      expect(d.label, text).not.toBe('spam');
      expect(d.routes, text).toContain('support');
    }
  });

  it('a rating-only submission is not spam', () => {
    expect(label('', 4)).not.toBe('spam');
    expect(label('10/10', 5)).toBe('praise');
  });
});

describe('other languages and odd input', () => {
  it('a German message gets neutral or low confidence', () => {
    const d = triage({ text: 'Das Produkt ist in Ordnung, danke' });
    expect(d.label === 'neutral' || d.confidence < 0.5).toBe(true);
    expect(d.routes).toContain('support');
    expect(d.reasons).toContain('language not recognised');
  });

  it.each(['この製品は素晴らしいです', 'Très bien, merci beaucoup', 'Отличный магазин'])('"%s" is not confidently sorted', (text) => {
    const d = triage({ text });
    expect(d.label).toBe('neutral');
    expect(d.confidence).toBeLessThan(0.5);
  });

  it('handles empty, huge and emoji-only text', () => {
    expect(triage({ text: '' })).toMatchObject({ label: 'neutral', routes: ['support'], reasons: ['no text'] });
    const huge = triage({ text: 'The checkout is broken. '.repeat(50_000) });
    expect(huge.label).toBe('complaint');
    expect(triage({ text: '😀'.repeat(20_000) }).label).toBe('praise');
    expect(triage({ text: '\uD83D' }).label).toBeDefined(); // a lone surrogate
  });

  it('survives input that breaks the types, from plain JavaScript callers', () => {
    const bad = [undefined, null, {}, { text: 42 }, { text: 'ok', rating: '5' }, { text: 'ok', category: 'rant' }];
    for (const input of bad) {
      const d = triage(input as unknown as TriageInput);
      expect(d.routes).toEqual(['support']);
      expect(d.reasons).not.toContain('could not be analysed');
    }
  });

  it('is deterministic', () => {
    const input = { text: 'Love the app but the sync keeps failing :(', rating: 3, category: 'problem' as const };
    expect(triage(input)).toEqual(triage(input));
  });
});

describe('ranges over random input', () => {
  // A seeded generator: a failure can be replayed.
  function random(seed: number) {
    return () => {
      seed = (seed * 1664525 + 1013904223) >>> 0;
      return seed / 2 ** 32;
    };
  }
  const rnd = random(20240521);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const pieces = [
    'not', 'good', 'bad', 'never', 'works', 'but', 'very', '?', '!', ':)', ':(', '😀', '😡', '❤️', '👍🏽', 'http://x.example',
    'please add', 'how do I', 'LOVE', 'broken', 'refund', 'casino', ' ', '\n', 'ß', 'é', '中文', 'العربية', '\u0000', '\uD800',
    'aaaa', "isn't", 'no', 'problems', '👨‍👩‍👧', '$', '1', '.', ',', 'but',
  ];
  function randomText(): string {
    if (rnd() < 0.3) {
      // Arbitrary code points, including unpaired surrogates.
      return Array.from({ length: Math.floor(rnd() * 40) }, () => String.fromCharCode(Math.floor(rnd() * 0x10000))).join('');
    }
    return Array.from({ length: Math.floor(rnd() * 30) }, () => pick(pieces)).join(rnd() < 0.5 ? ' ' : '');
  }

  it('1,000 random messages: never throws, always in range', () => {
    for (let i = 0; i < 1000; i++) {
      const input: TriageInput = {
        text: randomText(),
        rating: rnd() < 0.5 ? undefined : pick([1, 2, 3, 4, 5, 0, 7, 2.5]),
        category: rnd() < 0.5 ? undefined : pick(CATEGORIES),
      };
      const d: Decision = triage(input);
      expect(LABELS).toContain(d.label);
      for (const route of d.routes) expect(ROUTES).toContain(route);
      expect(new Set(d.routes).size).toBe(d.routes.length);
      expect(d.sentiment).toBeGreaterThanOrEqual(-1);
      expect(d.sentiment).toBeLessThanOrEqual(1);
      expect(d.confidence).toBeGreaterThanOrEqual(0);
      expect(d.confidence).toBeLessThanOrEqual(1);
      expect(d.reasons.length).toBeLessThanOrEqual(6);
      expect(d.reasons).not.toContain('could not be analysed');
      expect(d.routes.length === 0).toBe(d.label === 'spam');
    }
  });
});
