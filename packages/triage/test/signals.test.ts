// Urgency, topics and PR risk on messages as customers write them; the caller lowercases first.
import { describe, expect, it } from 'vitest';
import { phraseSets, URGENCIES, urgencyOf, type Urgency } from '../src/urgency.js';
import { TOPICS, topicsOf, type Topic } from '../src/topics.js';
import { prRiskOf } from '../src/pr-risk.js';

const urgency = (text: string) => urgencyOf(text.toLowerCase());
const topics = (text: string) => topicsOf(text.toLowerCase());
const prRisk = (text: string) => prRiskOf(text.toLowerCase());

describe('urgencyOf', () => {
  it.each<[string, Urgency, string]>([
    ['I was charged twice for the same order', 'critical', 'charged twice'],
    ['You double charged my card!!', 'critical', 'charged twice'],
    ["There's a duplicate charge on my statement", 'critical', 'charged twice'],
    ['Money taken twice from my account for one pizza', 'critical', 'charged twice'],
    ['There is an unauthorized charge of $49 on my card', 'critical', 'unauthorized charge'],
    ['I never signed up for this subscription', 'critical', 'unauthorized charge'],
    ["I'm locked out of my account", 'critical', 'locked account'],
    ['My account has been suspended with no explanation', 'critical', 'locked account'],
    ["Can't log in and my whole balance is in your wallet", 'critical', 'locked account'],
    ['Someone hacked my account and changed the email', 'critical', 'hacked account'],
    ['The charger caught fire overnight', 'critical', 'safety'],
    ['Smoke came out of the back of the unit', 'critical', 'safety'],
    ['The kettle burned my hand when the lid popped', 'critical', 'safety'],
    ['My son got an electric shock from the lamp', 'critical', 'safety'],
    ['Had an allergic reaction even though I said no nuts', 'critical', 'safety'],
    ['Pretty sure I got food poisoning from the chicken', 'critical', 'safety'],
    ['The small parts are a choking hazard for toddlers', 'critical', 'safety'],
    ['This heater is dangerous, it gets red hot', 'critical', 'safety'],
    ['I will be contacting my lawyer', 'critical', 'legal threat'],
    ["I'm going to sue you", 'critical', 'legal threat'],
    ['See you in small claims court', 'critical', 'legal threat'],
    ['Reported to trading standards today', 'critical', 'legal threat'],
    ['Your system cancelled my order without asking me', 'high', 'cancelled order'],
    ['My order never arrived', 'high', 'order not arrived'],
    ['Package still hasn\'t arrived after 3 weeks', 'high', 'order not arrived'],
    ['I never received my parcel', 'high', 'order not arrived'],
    ['Tracking says delivered but nothing here', 'high', 'order not arrived'],
    ["Still waiting for my refund, it's been a month", 'high', 'refund missing'],
    ['Checkout is broken, I can\'t pay', 'high', "can't pay"],
    ['Lost all my data after the update', 'high', 'data loss'],
    ['The site is down again', 'high', 'outage'],
    ['App crashes on startup since yesterday', 'high', 'outage'],
    ['I was charged but no order confirmation came', 'high', 'charged, no order'],
    ["I've filed a chargeback with my bank", 'high', 'chargeback'],
    ["I'm reporting this to my bank as fraud", 'high', 'chargeback'],
    ['I cancelled my order but still got charged', 'high', 'charged, no order'],
    ['URGENT: need the invoice today', 'high', 'marked urgent'],
    ['Please fix ASAP', 'high', 'marked urgent'],
  ])('%s → %s (%s)', (text, level, cue) => {
    const result = urgency(text);
    expect(result.urgency).toBe(level);
    expect(result.cues).toContain(cue);
  });

  it.each([
    'Not urgent, but the export button is misaligned',
    'No rush, whenever you can: is an urgent-delivery option planned?',
    'Your support team is on fire today, thanks!',
    'This app is fire 🔥',
    'Dark mode is a killer feature',
    'Sue at the front desk was lovely',
    'I cancelled my order myself, all sorted',
    'The toast was a bit burnt',
    'The price shocked me',
    'How do I update my emergency contact?',
    'My phone is charging slowly with your cable',
    'Refund came through quickly, thanks',
    'The delivery arrived two days early',
    "I can't pay $40 a month for this",
    'Your new design is dangerously good',
    'My lawyer recommended you and she was right',
    "I'm a lawyer and your contract template saved me hours",
    'We paid twice the price at your competitor',
    'I charged my phone twice today and the battery is still weak',
    'Love it!',
  ])('%s → normal, no cues', (text) => {
    expect(urgency(text)).toEqual({ urgency: 'normal', cues: [] });
  });

  it('puts critical cues before high ones and keeps at most three', () => {
    expect(urgency('My order never arrived and I was charged twice').cues).toEqual(['charged twice', 'order not arrived']);
    const many = urgency('Charged twice, my account got hacked, the charger caught fire, I am calling my lawyer. Urgent!');
    expect(many).toEqual({ urgency: 'critical', cues: ['charged twice', 'hacked account', 'safety'] });
  });

  it('still raises real problems when the customer says there is no rush', () => {
    expect(urgency('No rush, but my account was hacked')).toEqual({ urgency: 'critical', cues: ['hacked account'] });
  });

  it('lists urgencies from low to critical and leaves low to the caller', () => {
    expect(URGENCIES).toEqual(['low', 'normal', 'high', 'critical']);
    expect(urgency('Great job, love the new look').urgency).toBe('normal');
  });

  it('reads phrases across line breaks', () => {
    expect(urgency('I was charged\ntwice').urgency).toBe('critical');
  });
});

describe('topicsOf', () => {
  it.each<[string, Topic[]]>([
    ['The invoice shows the wrong amount', ['billing']],
    ['The app crashes when I open settings', ['bug']],
    ['My parcel is stuck with the courier', ['delivery']],
    ['Forgot my password and the reset link never comes', ['account']],
    ['The app is so slow and laggy', ['performance']],
    ['The navigation is confusing', ['usability']],
    ['Way too expensive for what it is', ['pricing']],
    ['The waiter was rude to us', ['staff']],
    ['Stop selling my personal data, this is a GDPR violation', ['privacy']],
    ['Your app stole my data', ['privacy']],
    ['The delivery guy was rude', ['delivery', 'staff']],
    ['The zipper broke after two days, cheap material', ['quality']],
    ['I want my money back', ['refund']],
    ['Please add a calendar view', ['feature']],
    ['Charged twice, the package never arrived and the agent was rude', ['billing', 'delivery', 'staff']],
    ['How do I return it? The return label is missing', ['refund']],
    // Two topics that start at the same word are both found.
    ['The page is not loading', ['bug', 'performance']],
  ])('%s → %j', (text, expected) => {
    expect(topics(text)).toEqual(expected);
  });

  it.each<[string, Topic]>([
    ['My phone is not charging with the new cable', 'billing'],
    ['The return key does nothing in the search box', 'refund'],
    ['Your app keeps tracking me everywhere', 'delivery'],
    ['We came late on account of the weather', 'account'],
    ['A password manager integration would be great', 'staff'],
    ['The shirt feels cheap, thin material', 'bug'],
    ['Delivery was free of charge, nice', 'billing'],
    ['The usual ups and downs of a small shop', 'delivery'],
  ])('%s is not about %s', (text, topic) => {
    expect(topics(text)).not.toContain(topic);
  });

  it('finds nothing in plain praise', () => {
    expect(topics('Thanks, it works great')).toEqual([]);
  });

  it('reports at most three topics, in TOPICS order', () => {
    const found = topics('Charged twice, refund missing, parcel lost, password reset broken, app so slow');
    expect(found).toEqual(TOPICS.slice(0, 3));
    expect(new Set(TOPICS).size).toBe(TOPICS.length);
  });
});

describe('prRiskOf', () => {
  it.each<[string, string]>([
    ["I'm going to post this on Twitter", 'social media'],
    ['Posting about this on TikTok tonight', 'social media'],
    ["I'll make sure this goes viral", 'social media'],
    ['Everyone should know how you treat customers', 'warning others'],
    ['I will warn others about this company', 'warning others'],
    ["Posting this on Reddit, I would not recommend you to anyone", 'social media'],
    ['Leaving a 1-star review', 'public review'],
    ["I'll leave a bad review on Trustpilot", 'public review'],
    ['Will be reviewing you on Yelp', 'public review'],
    ['Contacting the press about this', 'press'],
    ['My lawyer will be in touch', 'legal threat'],
    ["I'm reporting you to the Better Business Bureau", 'official complaint'],
  ])('%s → %s', (text, cue) => {
    expect(prRisk(text)).toEqual({ risk: true, cues: [cue] });
  });

  it.each([
    "I'll leave a 5 star review!",
    'Will definitely leave a great review on Google',
    'I told everyone how great you are',
    "I'll tell all my friends how good the pizza was",
    'Saw you on Twitter and had to try it',
    'Found you on Instagram, love the shop',
    'My lawyer recommended you',
    "I'm a lawyer and your templates save me hours",
    'Sue from support sorted it in minutes',
    'The delivery was late and I am annoyed',
    'I read the reviews on Trustpilot before buying',
    "I'll share on Facebook how much I love this shop",
    'I only ever write one review a year and this is it',
  ])('%s → no risk', (text) => {
    expect(prRisk(text)).toEqual({ risk: false, cues: [] });
  });

  it('lists each kind of threat once', () => {
    expect(prRisk('I will sue, post this on Facebook and leave a one star review on Google').cues).toEqual([
      'legal threat', 'social media', 'public review',
    ]);
  });
});

describe('phraseSets', () => {
  it('finds every list that matches, also where two start at the same word', () => {
    const find = phraseSets([['not loading'], ['not \\w+'], ['loading']]);
    expect(find('the page is not loading')).toEqual([true, true, true]);
    expect(find('not sure')).toEqual([false, true, false]);
    expect(find('loading forever')).toEqual([false, false, true]);
  });

  it('refuses a capturing group, which would hide which list matched', () => {
    expect(() => phraseSets([['(lost) order']])).toThrow('must not capture');
  });
});
