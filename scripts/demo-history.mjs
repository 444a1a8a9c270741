// Weeks of past messages for a site, so insights has something to draw, and a surge today: the
// public API cannot backdate a message, so these are rows for the local D1, written as SQL and run
// with `wrangler d1 execute --local`. Deterministic (the same site and day give the same rows) and
// safe to apply again: a row's id comes from its site, day and place in the day, and a second
// apply of the same day inserts nothing. npm start applies it to the demo site; the insights e2e
// test to a site of its own.

const DAY_MS = 24 * 60 * 60 * 1000;
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** What customers said, by label: [topics, rating or null, words]. */
const SAID = {
  complaint: [
    [['delivery'], 2, 'My order arrived four days late and the tracking never updated.'],
    [['quality'], 1, 'The beans tasted stale, nothing like the description.'],
    [['bug'], 2, 'The app crashed twice while I was changing my subscription.'],
    [['account'], 2, 'I could not reset my password, the email never came.'],
    [['delivery', 'quality'], 1, 'The bag arrived torn and half the beans were on the floor of the box.'],
  ],
  praise: [
    [['quality'], 5, 'Fresh, fruity and roasted two days before it arrived. Wonderful.'],
    [['staff'], 5, 'Support sorted my grinder in a day. Thank you!'],
    [['delivery'], 4, 'Quick delivery and lovely packaging.'],
  ],
  question: [
    [['delivery'], null, 'Do you ship to Norway?'],
    [['billing'], null, 'Can I pay for a year of the subscription at once?'],
    [[], 4, 'How long do the beans stay fresh once opened?'],
  ],
  idea: [
    [['feature'], 4, 'Please add a decaf option to the subscription.'],
    [['usability'], null, 'It would be nice to pick the delivery day.'],
  ],
  neutral: [[[], 3, 'Coffee was fine.']],
  spam: [[[], 5, 'Best crypto deals here, click now!!!']],
};

/** Today's surge: complaints about billing, which usually sees few. */
const SURGE = [
  'I was charged twice for my subscription this month.',
  'Two payments went out for one order. Please refund one.',
  'Your checkout billed my card three times!',
  'Double charge again, this is the second time.',
  'I see two identical charges on my statement for order NW-1210.',
  'Billed twice after updating my card details.',
  'Why was I charged for a bag I cancelled?',
];

const ROUTES = { complaint: ['support'], question: ['support'], idea: ['product'], praise: ['pr'], neutral: [], spam: [] };
const SENTIMENT = { complaint: -0.7, question: 0, idea: 0.2, praise: 0.8, neutral: 0, spam: 0 };

/** A small deterministic generator (mulberry32) seeded by a string. */
function random(seed) {
  let a = [...seed].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0, 2166136261);
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A feedback id as the API makes them (fb_ + ULID): its time part is `ms`, its rest from `seed`. */
function feedbackId(ms, seed) {
  const next = random(seed);
  let time = '';
  for (let i = 0, t = ms; i < 10; i++, t = Math.floor(t / 32)) time = CROCKFORD[t % 32] + time;
  return `fb_${time}${Array.from({ length: 16 }, () => CROCKFORD[Math.floor(next() * 32)]).join('')}`;
}

const literal = (value) => (value === null ? 'NULL' : typeof value === 'number' ? String(value) : `'${value.replace(/'/g, "''")}'`);

/**
 * INSERT statements for `days` days of messages before `now` (each day's count, labels and
 * topics drawn from the site and date), and the day so far with a surge of billing complaints.
 * @param {string} siteId
 * @param {{ now?: Date, days?: number }} [options]
 */
export function historySql(siteId, { now = new Date(), days = 42 } = {}) {
  const today = Date.parse(`${now.toISOString().slice(0, 10)}T00:00:00.000Z`);
  const rows = [];
  for (let d = days; d >= 1; d--) {
    const dayStart = today - d * DAY_MS;
    const next = random(`${siteId}/${new Date(dayStart).toISOString()}`);
    // Busier on weekdays; ratings improve a little over the weeks.
    const weekend = [0, 6].includes(new Date(dayStart).getUTCDay());
    const count = (weekend ? 5 : 9) + Math.floor(next() * 6);
    for (let i = 0; i < count; i++) {
      const r = next();
      const label = r < 0.3 - (days - d) * 0.002 ? 'complaint' : r < 0.6 ? 'praise' : r < 0.78 ? 'question' : r < 0.9 ? 'idea' : r < 0.96 ? 'neutral' : 'spam';
      const choices = SAID[label];
      const [topics, rating, message] = choices[Math.floor(next() * choices.length)];
      const at = dayStart + Math.floor(((i + next()) / count) * DAY_MS);
      rows.push({ id: feedbackId(at, `${siteId}/${at}/${i}`), label, topics, rating, message, at, status: 'resolved' });
    }
  }
  // Today so far: the surge, spread over the hours since midnight (its ids do not depend on the
  // hour, so a later apply the same day adds nothing).
  const sinceMidnight = Math.max(now.getTime() - today, SURGE.length + 1);
  SURGE.forEach((message, i) => {
    const at = today + Math.floor((sinceMidnight * (i + 1)) / (SURGE.length + 1)) - 1;
    rows.push({ id: feedbackId(today + i, `${siteId}/surge/${i}`), label: 'complaint', topics: ['billing'], rating: 1, message, at, status: 'new' });
  });

  const values = rows.map(
    (m) =>
      `(${[
        literal(m.id),
        literal(siteId),
        literal(m.message),
        literal(m.rating),
        0,
        literal(m.label),
        literal(JSON.stringify(ROUTES[m.label])),
        SENTIMENT[m.label],
        0.9,
        literal('[]'),
        literal(JSON.stringify(m.topics)),
        literal(m.status),
        literal(new Date(m.at).toISOString()),
      ].join(', ')})`,
  );
  return `INSERT INTO feedback (id, site_id, message, rating, consent_publish, label, routes, sentiment, confidence, reasons, topics, status, created_at) VALUES
${values.join(',\n')}
ON CONFLICT (id) DO NOTHING;
`;
}
