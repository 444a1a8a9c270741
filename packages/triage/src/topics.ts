// What a message is about, so it reaches the people who own that part of the business and so the
// dashboard can count complaints per topic. Phrases where a single word misleads: "charging my
// phone" is not billing, "return key" is not a return, "tracking me" is privacy, not delivery.
import { after, notAfter, phraseSets } from './urgency.js';

export type Topic =
  | 'billing' | 'refund' | 'delivery' | 'account' | 'privacy' | 'bug' | 'performance' | 'quality'
  | 'usability' | 'pricing' | 'staff' | 'feature';

/**
 * Every topic, in the order topicsOf reports them: concrete problems an agent can act on first,
 * topics that are often mentioned in passing ("add", "helpful staff") last.
 */
export const TOPICS: readonly Topic[] = [
  'billing', 'refund', 'delivery', 'account', 'privacy', 'bug', 'performance', 'quality', 'usability', 'pricing',
  'staff', 'feature',
];

/** More topics than this and none of them stands out. */
export const MAX_TOPICS = 3;

const DEVICE = '(?:phone|battery|device|laptop|car|watch|tablet|ipad|iphone|headphones|earbuds)';

const PHRASES: Readonly<Record<Topic, readonly string[]>> = {
  billing: [
    notAfter('(?:in|free of|battery|fast|wireless|full)', 'charg(?:e|ed|es)') +
      `(?! (?:my |the |your |it |its |a )?${DEVICE}\\b)`,
    'charging (?:me|us|my card|customers|people|twice|extra)', 'overcharg\\w*', 'invoic(?:e|es|ed|ing)', 'bill(?:s|ed|ing)?',
    'payments?', 'receipts?', 'subscriptions?', 'direct debit', '(?:credit|debit) card', 'card (?:was |got )?declined',
    '(?:auto-?)?renew(?:al|ed)', 'transactions?', 'vat',
  ],
  refund: [
    'refund(?:s|ed|ing)?', 'money back', 'reimburse\\w*', 'store credit', 'chargebacks?',
    // "Return" alone is a key on the keyboard or "I'll return next year".
    'return (?:it|them|this|the (?:\\w+ )?(?:item|order|product)|label|policy|window|request|process|shipping|postage)',
    'returned (?:it|them|the|my|this)', 'returning (?:it|them|the|my|this)', 'returns (?:policy|process|label|portal)',
    'sen[dt] (?:it|them) back',
  ],
  delivery: [
    'deliver(?:y|ies|ed)', 'shipping', 'shipped', 'shipment', 'package(?! (?:deal|price|plan|tier))', 'parcels?', 'couriers?',
    'dispatch(?:ed)?', 'tracking(?! (?:me|us|my (?:location|activity|data|browsing)))',
    // Emails and codes arrive too; those are account or support matters.
    notAfter('(?:e-?mails?|codes?|sms|texts?|messages?|links?|reply|response|otp)(?: \\w+){0,2}', 'arriv(?:e|ed|es|al|ing)'),
    'postage', 'postman', 'mailman', 'ups(?! and downs)', 'fedex', 'dhl', 'usps', 'royal mail', 'in transit', 'doorstep',
  ],
  account: [
    notAfter('(?:on|into|in)', 'accounts?'), 'log ?ins?', 'logg(?:ed|ing) (?:in|out)', 'log ?out',
    'sign(?:ed|ing)? ?(?:in|up)', 'passwords?', 'passcode', '2fa', 'two[- ]factor', 'mfa', 'verification (?:code|email)',
    'locked out', 'username', 'profile', 'reset link', 'one-time code', 'otp', 'hacked',
  ],
  privacy: [
    'privacy', 'gdpr', 'ccpa', 'personal (?:data|information|info|details)',
    'data (?:breach|leak|protection|privacy|sharing|collection|request)',
    '(?:sell|selling|sold|share|sharing|shared|leak|leaked|leaking|collect|collecting|collected|harvest\\w*|steal|' +
      'stealing|stole|stolen) (?:my|our) (?:personal )?(?:data|information|info|details|emails?|address|phone number)',
    'delete (?:all )?my (?:data|information|details)', 'track(?:s|ed|ing)? (?:me|us|my (?:location|activity|data|browsing))',
    'spam(?:m(?:y|ing|ed))?', 'unsubscrib\\w*', 'stop (?:emailing|texting|calling|messaging) me',
    after('too many', '(?:emails|texts|notifications)'), 'third[- ]part(?:y|ies)', 'cookies',
  ],
  bug: [
    'bugs?', 'bugg(?:y|ed)', 'crash(?:es|ed|ing)?', 'errors?', notAfter('(?:arrived|came|delivered)', 'broken'),
    'glitch(?:es|y)?', 'freezes', 'froze', 'freezing up', 'keeps freezing', 'stopped working(?! after)',
    after("(?:doesn't|does not|don't|won't|isn't|is not|not)", 'work(?:ing)?'), after("(?:not|won't)", 'load(?:ing)?'),
    'blank (?:screen|page)', 'malfunction\\w*',
  ],
  performance: [
    'slow(?:ly|er|ness|s)?', 'lag(?:s|gy|ging)?', 'sluggish', 'loading', 'load times?', 'takes forever', 'took forever',
    'takes ages', '(?:timed|times) ?out', 'timeouts?', 'battery', 'memory', 'ram', 'cpu', 'unresponsive', 'performance',
    'latency', 'spinning wheel',
  ],
  quality: [
    'quality', '(?:poorly|badly|cheaply) made', 'cheap (?:material|materials|plastic|fabric)', 'flims(?:y|iness)',
    'defect(?:s|ive)?', 'faulty', 'fell apart', 'falls apart', 'falling apart', 'broke (?:after|within|in|on|already)',
    '(?:broken|stopped working) (?:after|within)', 'damaged', after('(?:arrived|came)', 'broken'), 'cracked',
    'torn', 'ripped', 'stained', 'not as described', 'stale', 'undercooked', 'overcooked', 'tasteless', 'bland', 'burnt',
    'expired', 'mou?ldy', 'shr[au]nk', 'scratched',
  ],
  usability: [
    'confus(?:ing|ed)', 'hard to (?:find|use|understand|navigate|figure out|read)',
    after("(?:can't|cannot|couldn't|could not)", '(?:find|figure out|work out) (?:how|where|the (?:\\w+ )?(?:button|option|' +
      'setting|settings|menu|page|link)|a way|any way)'),
    '(?:un|counter-?)?intuitive', 'user[- ](?:un)?friendly', 'ui', 'ux', 'interface', 'navigat(?:e|ion|ing)',
    after('too many', '(?:steps|clicks|screens|taps)'), 'clunky', 'cluttered', 'layout',
  ],
  pricing: [
    'prices?', 'pricing', 'pric(?:ey|ier|y)', 'expensive', 'overpriced', 'costs?', 'costly',
    'cheap(?:er|est)?(?! (?:materials?|plastic|fabric|quality|feel|looking|made))',
    'discounts?', 'coupons?', 'promo(?: codes?)?', 'fees?', 'value for money', 'rip-?off', 'afford(?:able)?',
  ],
  staff: [
    'staff', 'agents?', 'reps?', 'representatives?', 'employees?', 'waiter', 'waitress', 'waiters', 'cashiers?',
    notAfter('(?:password|file|download|task|package)', 'managers?'), 'support team', 'customer (?:service|support|care)',
    'support (?:person|guy|lady|agent|staff)', 'delivery (?:guy|driver|man|person|lady)', 'receptionist', 'technician',
    'bartender', 'chef', 'rude(?:ly|ness)?', 'impolite', 'unprofessional', 'dismissive', 'condescending',
  ],
  feature: [
    'features?', 'feature requests?',
    after('(?:please|could you|can you|you should|should|why not|how about)', 'add(?:ing)?'),
    'add (?:support|an? option|the (?:ability|option))', 'adding support',
    after('would be', '(?:great|nice|awesome|cool|helpful|useful) (?:if|to)'), after('i', 'wish'),
    after("(?:i'd|would)", 'love (?:to see|it if)'), 'suggest(?:ion|ions)?', 'ability to', 'support for',
    'integrat(?:e|ion) with', 'dark mode', 'roadmap', after('(?:an?|the)', 'option to'),
  ],
};
const findTopics = phraseSets(TOPICS.map((topic) => PHRASES[topic]));

/**
 * The topics a message touches, in TOPICS order, at most MAX_TOPICS.
 *
 * @param lower the message lowercased, apostrophes as ', links removed, at most 5000 characters
 * @example
 * topicsOf('i was charged twice and the package never arrived'); // ['billing', 'delivery']
 */
export function topicsOf(lower: string): Topic[] {
  const found = findTopics(lower);
  return TOPICS.filter((_, i) => found[i]).slice(0, MAX_TOPICS);
}
