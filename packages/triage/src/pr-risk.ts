// Whether a customer threatens to take the matter public: social media, review sites, the press,
// a regulator or a court. PR must see those before they are posted. A promise of a glowing review,
// "I told everyone how great you are" or "found you on Instagram" is no threat.
import { after, LEGAL_THREAT, notAfter, phrases, phraseSets } from './urgency.js';

/** An agent reads the cues at a glance; more would be noise. */
export const MAX_PR_CUES = 3;
/** How far around a match its clause is read for kind words. */
const CLAUSE_REACH = 60;

const SITES = '(?:twitter|x|facebook|fb|instagram|insta|ig|tiktok|reddit|youtube|linkedin|threads|social media|socials|' +
  'the internet|online|every forum)';
const REVIEW_SITES = '(?:trustpilot|yelp|google|tripadvisor|amazon|the app store|app store|play store|g2|capterra|glassdoor)';
const REVIEW_VERB = '(?:leave|leaving|left|write|writing|wrote|post|posting|posted|give|giving|gave|put|putting)';
// Kind words next to "tell everyone" or a review promise turn the threat into praise.
const KIND = phrases([
  'how (?:great|good|amazing|awesome|much i love|happy|helpful|wonderful|fantastic|lovely)', 'to (?:try|use|buy|order)',
  'about (?:your|this|the) (?:great|amazing|awesome|wonderful|fantastic)',
  notAfter("(?:not|never|wouldn't|won't|don't|can't|cannot)(?: \\w+)?", 'recommend\\w*'),
]);
const GOOD_REVIEW = phrases([
  '5', 'five', '4', 'four', 'great', 'good', 'glowing', 'positive', 'nice', 'excellent', 'stellar', 'amazing', 'awesome',
  'rave', 'raving', 'favou?rable',
]);

interface Rule {
  cue: string;
  phrases: readonly string[];
  /** When set, a match counts only if these words are not in its clause. */
  unless?: RegExp;
}

const RULES: readonly Rule[] = [
  { cue: 'legal threat', phrases: LEGAL_THREAT },
  { cue: 'press', phrases: [
    after('(?:contact|contacting|call|calling|go(?:ing)? to|tell|telling|tip off|email|emailing|write to|writing to|' +
      'reach out to|talk to|speak to|alert)(?: the| a| my| local)?', '(?:press|news|media|journalists?|reporters?|' +
      'newspapers?|tv|television|bbc|consumer (?:show|programme|program)|watchdog)'),
  ] },
  { cue: 'social media', phrases: [
    after('(?:post|posting|share|sharing|put|putting|write|writing|tweet|tweeting|blast|blasting|expose|exposing|shout|' +
      'talk|talking|broadcast|publish|publicly shame)(?: \\w+){0,4} (?:on|to|all over|across)(?: my| the| all)?', SITES),
    'tweet(?:ing)? about', after('(?:this|it)(?: is)? going (?:on|to)', SITES), 'make (?:this|it) public',
    after('go(?:es)?', 'viral'),
  ], unless: KIND },
  { cue: 'public review', phrases: [
    after(`${REVIEW_VERB}(?: \\w+){0,3}? (?:bad|negative|terrible|horrible|awful|scathing|poor|low)`,
      '(?:reviews?|ratings?)'),
    after('(?:1|one|zero|0)[- ]stars?', '(?:reviews?|ratings?)'),
  ] },
  { cue: 'public review', phrases: [
    after(`${REVIEW_VERB}(?: \\w+){0,4}? (?:on|at)`, REVIEW_SITES),
    after('(?:review|rate|rating|reviewing) (?:you|this|your \\w+)(?: \\w+){0,3}? on', REVIEW_SITES),
  ], unless: GOOD_REVIEW },
  { cue: 'warning others', phrases: [
    '(?:tell|telling|told|let|letting) (?:everyone|everybody|all my (?:friends|family|followers|colleagues|contacts)|' +
      'people|others|the world|my followers|anyone who (?:will )?listen)',
    'warn(?:ing)? (?:others|other people|people|everyone|everybody|other customers|my friends|anyone)',
    after('(?:everyone|everybody|people|others|the public) (?:should|needs to|need to|must|has to|deserves? to)', 'know'),
  ], unless: KIND },
  { cue: 'official complaint', phrases: [
    'bbb', 'better business bureau', 'report(?:ing)? (?:you|your company|your business|you guys) to',
    '(?:file|filing|lodge|lodging) (?:a |an )?(?:formal |official )?complaint (?:with|to)',
  ] },
];

const findRules = phraseSets(RULES.map((r) => r.phrases));
/** Every match of a rule with an `unless`, to read each one's clause. */
const EVERY = RULES.map((r) => (r.unless ? phrases(r.phrases, 'g') : undefined));

/**
 * Whether the customer threatens to make the matter public or escalate it outside the company,
 * with the kinds of threat found.
 *
 * @param lower the message lowercased, apostrophes as ', links removed, at most 5000 characters
 * @example
 * prRiskOf("i'll post this on twitter and leave a 1 star review");
 * // { risk: true, cues: ['social media', 'public review'] }
 */
export function prRiskOf(lower: string): { risk: boolean; cues: string[] } {
  const found = findRules(lower);
  const cues: string[] = [];
  for (let i = 0; i < RULES.length && cues.length < MAX_PR_CUES; i++) {
    const { cue, unless } = RULES[i]!;
    if (!found[i] || cues.includes(cue)) continue;
    if (unless && !anyClauseWithout(lower, EVERY[i]!, unless)) continue;
    cues.push(cue);
  }
  return { risk: cues.length > 0, cues };
}

/** Whether some match of `pattern` stands in a clause without the `unless` words. */
function anyClauseWithout(lower: string, pattern: RegExp, unless: RegExp): boolean {
  for (const m of lower.matchAll(pattern)) if (!unless.test(clauseOf(lower, m))) return true;
  return false;
}

/** The clause around a match: "i'll leave a great review on google", "tell everyone how great you are". */
function clauseOf(lower: string, m: RegExpMatchArray): string {
  const start = m.index!;
  const end = start + m[0].length;
  const before = lower.slice(Math.max(0, start - CLAUSE_REACH), start).split(/[.!?,;\n]/).pop()!;
  return before + m[0] + lower.slice(end, end + CLAUSE_REACH).split(/[.!?,;\n]/, 1)[0];
}
